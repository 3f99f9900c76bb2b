namespace DataPulse.Client.Http;

/// <summary>Whether two addresses are the same origin (scheme, host and port): the only place a redirect may lead.</summary>
internal static class Origins
{
    public static bool Same(Uri a, Uri b) =>
        a.IsAbsoluteUri && b.IsAbsoluteUri
        && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
