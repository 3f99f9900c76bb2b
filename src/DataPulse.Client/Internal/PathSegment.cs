namespace DataPulse.Client.Internal;

/// <summary>Checks for an id sent as one path segment (<c>/v1/customers/{id}</c>).</summary>
internal static class PathSegment
{
    /// <summary>
    /// Throws for an id that cannot be sent as a path segment: empty or white space, or <c>.</c> or <c>..</c>, which every
    /// URI parser folds away as a dot segment (escaped as <c>%2E</c> too), so the call would reach another endpoint.
    /// </summary>
    public static void ThrowIfInvalid(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value is "." or "..")
        {
            throw new ArgumentException(
                $"'{value}' cannot be sent as an id: URIs fold '.' and '..' path segments away, so the call would reach another endpoint.",
                paramName);
        }
    }
}
