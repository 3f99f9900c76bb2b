using System.Net;

namespace DataPulse.Client.Http;

/// <summary>The transport a client builds for itself when the caller supplies none.</summary>
internal static class PrimaryHandler
{
    public static SocketsHttpHandler Create() => new()
    {
        // A redirect could carry the key to another host or to plain HTTP; the API never redirects, so none is followed.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        // Long-lived clients still see DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };
}
