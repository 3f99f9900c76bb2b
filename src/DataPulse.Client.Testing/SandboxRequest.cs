using System.Text;
using DataPulse.Client.Testing.Authentication;

namespace DataPulse.Client.Testing;

/// <summary>A request the sandbox received, as listed by <see cref="DataPulseSandbox.ReceivedRequests"/>.
/// The <c>Authorization</c> header is redacted: it keeps the key's prefix and last four characters only.</summary>
/// <param name="Method">The HTTP method, for example <c>GET</c>.</param>
/// <param name="Path">The path, percent-decoded, for example <c>/v1/customers/crm:42/a b</c>.</param>
/// <param name="Query">The query parameters, decoded.</param>
/// <param name="Headers">The request headers (names case-insensitive; several values joined with <c>", "</c>).</param>
/// <param name="Body">The request body as text, or <see langword="null"/> when there was none.</param>
/// <param name="StatusCode">The status the sandbox answered with.</param>
/// <param name="TraceId">The <c>X-Trace-Id</c> the sandbox sent back.</param>
public sealed record SandboxRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    int StatusCode,
    string TraceId)
{
    // The sandbox's own small copy of DataPulse.Client's printing (an internal helper there): the same shapes,
    // "{ name: value, … (N more) }" and a body cut with "… (N more characters)", for the one record here that needs them.
    private const int MaxItems = 10;
    private const int MaxBodyLength = 200;

    /// <summary>Writes the members for <see cref="ToString"/>: query and headers as <c>{ name: value }</c>, the
    /// <c>Authorization</c> header redacted (even in a request built by hand), the body cut to its first 200 characters.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Method = ").Append(Method).Append(", Path = ").Append(Path).Append(", Query = ");
        AppendEntries(builder, Query);
        builder.Append(", Headers = ");
        AppendEntries(builder, Headers);
        builder.Append(", Body = ");
        if (Body is { Length: > MaxBodyLength })
        {
            builder.Append(Body.AsSpan(0, MaxBodyLength)).Append("… (").Append(Body.Length - MaxBodyLength).Append(" more characters)");
        }
        else
        {
            builder.Append(Body);
        }

        builder.Append(", StatusCode = ").Append(StatusCode).Append(", TraceId = ").Append(TraceId);
        return true;
    }

    private static void AppendEntries(StringBuilder builder, IReadOnlyDictionary<string, string>? entries)
    {
        if (entries is null)
        {
            builder.Append("null");
            return;
        }

        builder.Append('{');
        var count = 0;
        foreach (var (name, value) in entries)
        {
            if (count < MaxItems)
            {
                builder.Append(count == 0 ? " " : ", ").Append(name).Append(": ")
                    .Append(name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? ApiKeyCheck.Redact(value) : value);
            }

            count++;
        }

        if (count > MaxItems)
        {
            builder.Append(", … (").Append(count - MaxItems).Append(" more)");
        }

        builder.Append(count == 0 ? "}" : " }");
    }
}
