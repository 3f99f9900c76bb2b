namespace DataPulse.Client.Http;

/// <summary>Media-type checks shared by the handlers.</summary>
internal static class MediaTypes
{
    /// <summary><c>application/json</c> or a <c>+json</c> type: a body the SDK reads whole, unlike a report file.</summary>
    public static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
