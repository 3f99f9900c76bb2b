using Refit;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// How Refit's generated clients are set up: they build requests only. Every answer is read by the SDK, and every
/// failure passes through untouched to the one exception factory (Refit's default would wrap it with the request,
/// Authorization header included). Bodies are serialized by the resources (<c>JsonBody</c>), so Refit's JSON context is
/// never asked for a model; it is set only so that Refit never falls back to reflection.
/// </summary>
internal static class RefitRequests
{
    public static RefitSettings Settings { get; } = Create();

    private static RefitSettings Create()
    {
        var settings = RefitSettings.ForJsonContext(RefitJsonContext.Default);
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }
}
