using System.Globalization;

namespace DataPulse.Client.Analytics;

/// <summary>The client-side checks on a query, before anything is sent: a query to run, and a limit the server accepts.</summary>
internal static class QueryRequestValidator
{
    /// <summary>Checks the request and returns the wire body.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A member is invalid; the message names it.</exception>
    public static QueryBody ToBody(QueryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Sql))
        {
            throw new ArgumentException("Sql is required: pass the query to run (it must not be empty or white space).", nameof(request));
        }

        if (request.Limit is { } limit && limit is < QueryRequest.MinLimit or > QueryRequest.MaxLimit)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Limit must be from {QueryRequest.MinLimit} to {QueryRequest.MaxLimit}; it is {limit}."), nameof(request));
        }

        return new QueryBody(request.Sql, request.Limit);
    }
}
