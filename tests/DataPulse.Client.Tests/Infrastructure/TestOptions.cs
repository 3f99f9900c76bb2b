namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// The one place tests build client options for a local server: the test key, the server's address and no base backoff
/// (a Retry-After is still honoured), the same set-up <c>DataPulseSandbox.CreateOptions</c> gives a sandbox's clients.
/// </summary>
public static class TestOptions
{
    public static DataPulseClientOptions For(Uri baseAddress, Action<DataPulseClientOptions>? configure = null)
    {
        var options = new DataPulseClientOptions
        {
            ApiKey = ApiServer.ApiKey,
            BaseAddress = baseAddress,
            // Real-time tests must not wait on backoff; retry tests set their own values and a fake clock.
            RetryBaseDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }
}
