using System.Net;

namespace DataPulse.Client.Http;

/// <summary>The contract's transport rule: HTTPS only, plain HTTP only to a loopback host.</summary>
internal static class TransportSecurity
{
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));

    public static bool IsAllowed(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    /// <summary>A problem with a base address, or null. Names the setting.</summary>
    public static string? CheckBaseAddress(Uri? address)
    {
        if (address is null)
        {
            return "BaseAddress is required.";
        }

        if (!address.IsAbsoluteUri)
        {
            return $"BaseAddress must be an absolute https:// address; '{address}' is relative.";
        }

        if (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
        {
            return $"BaseAddress must be an https:// address; '{address.Scheme}://' is not supported.";
        }

        if (address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address))
        {
            return $"BaseAddress must use https://: plain http:// would send the API key unencrypted, and is allowed only for a loopback host (localhost, 127.0.0.1, [::1]); '{address.GetLeftPart(UriPartial.Authority)}' is not one.";
        }

        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            return "BaseAddress must not carry a user name or password; the API key is the only credential.";
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            return "BaseAddress must not have a query string or fragment.";
        }

        return null;
    }

    /// <summary>Base addresses are used with a trailing slash so that a path prefix (a proxy's) is kept.</summary>
    public static Uri Normalize(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
