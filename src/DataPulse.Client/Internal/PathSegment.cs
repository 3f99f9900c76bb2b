namespace DataPulse.Client.Internal;

/// <summary>
/// Checks an id that becomes one URL path segment. Refit escapes every other character (<c>/</c> included), but
/// <c>.</c> and <c>..</c> are dot segments that a URI resolves away, which would send the call, key attached, to
/// another endpoint (<c>GET /v1/customers/..</c> is <c>GET /v1/</c>).
/// </summary>
internal static class PathSegment
{
    public static void ThrowIfInvalid(string? id, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, paramName);
        if (IsDotSegment(id))
        {
            throw new ArgumentException($"'{id}' cannot be used as an id: as a URL path segment it would address another endpoint.", paramName);
        }
    }

    public static bool IsDotSegment(string id) => id is "." or "..";
}
