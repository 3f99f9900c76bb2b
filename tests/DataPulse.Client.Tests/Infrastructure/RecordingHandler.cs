namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// A handler for a caller-owned <see cref="HttpClient"/> that counts and records what the client sends, then passes it
/// on to a real <see cref="SocketsHttpHandler"/> (or any inner handler).
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private int _count;

    public RecordingHandler(HttpMessageHandler? inner = null) => InnerHandler = inner ?? new SocketsHttpHandler();

    public int Count => Volatile.Read(ref _count);

    /// <summary>The request URIs exactly as the transport got them (<see cref="Uri.AbsoluteUri"/> keeps every escape).</summary>
    public List<string> Uris { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        lock (Uris)
        {
            Uris.Add(request.RequestUri!.AbsoluteUri);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
