namespace DataPulse.Client.Testing.Hosting;

/// <summary>
/// The request's path exactly as it came off the wire, handed from <see cref="FileRoutesMiddleware"/> (which sees every
/// request first) to <see cref="WireMockRoutes"/> along the request's async flow. WireMock's own URL has already been
/// unescaped once, so an id holding an escape of its own (<c>a%2Fb</c>, sent as <c>a%252Fb</c>) would be decoded twice.
/// </summary>
internal static class RawRequestTarget
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Path
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
