using System.Net;

namespace DataPulse.Client.Http;

/// <summary>The transport a client builds for itself when the caller supplies none.</summary>
internal static class PrimaryHandler
{
    public static SocketsHttpHandler Create() => new()
    {
        // A redirect could carry the key to another host or to plain HTTP; the API never redirects, so none is followed.
        AllowAutoRedirect = false,
        // Compressed answers (a proxy in front of the API may gzip large query results) are read transparently. Not deflate:
        // servers and proxies send gzip or brotli, and each method asked for adds a parsed header value to every request.
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli,
        // Long-lived clients still see DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };
}
