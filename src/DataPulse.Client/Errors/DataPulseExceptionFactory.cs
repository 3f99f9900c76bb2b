using System.Globalization;
using System.Net;
using System.Text;

namespace DataPulse.Client.Errors;

/// <summary>The one place where an error status becomes the contract's exception type.</summary>
internal static class DataPulseExceptionFactory
{
    public static DataPulseApiException Create(string operation, DataPulseApiError error, TimeSpan? retryAfter, RateLimitInfo rateLimit)
    {
        var message = Describe(operation, error, retryAfter);
        return error.StatusCode switch
        {
            HttpStatusCode.BadRequest => new DataPulseBadRequestException(message, error, operation),
            HttpStatusCode.Unauthorized => new DataPulseAuthenticationException(message, error, operation),
            HttpStatusCode.Forbidden => new DataPulsePermissionDeniedException(message, error, operation),
            HttpStatusCode.NotFound => new DataPulseNotFoundException(message, error, operation),
            HttpStatusCode.TooManyRequests => new DataPulseRateLimitException(message, error, retryAfter, rateLimit, operation),
            >= HttpStatusCode.InternalServerError and <= (HttpStatusCode)599 => new DataPulseServerException(message, error, operation, retryAfter),
            _ => new DataPulseApiException(message, error, operation),
        };
    }

    private static string Describe(string operation, DataPulseApiError error, TimeSpan? retryAfter)
    {
        var status = (int)error.StatusCode;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{operation} failed: {status} {ReasonOf(error.StatusCode)}");
        if (error.Type is not null || error.Code is not null)
        {
            text.Append(" (").Append(error.Type ?? "?").Append('/').Append(error.Code ?? "?").Append(')');
        }

        if (!string.IsNullOrWhiteSpace(error.Message))
        {
            text.Append(": ").Append(error.Message.Trim());
        }
        else if (error.ResponseBody is null)
        {
            text.Append(": the answer had no body");
        }
        else
        {
            text.Append(": the answer was not a DataPulse error body (a proxy may have answered)");
        }

        if (!text.ToString().EndsWith('.'))
        {
            text.Append('.');
        }

        if (error.Param is not null)
        {
            text.Append(" Parameter: ").Append(error.Param).Append('.');
        }

        if (retryAfter is { } wait)
        {
            text.Append(CultureInfo.InvariantCulture, $" Retry after {wait.TotalSeconds:0.###} s.");
        }

        if (error.TraceId is not null)
        {
            text.Append(" Trace id: ").Append(error.TraceId).Append('.');
        }

        return text.ToString();
    }

    private static string ReasonOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        _ => status.ToString(),
    };
}
