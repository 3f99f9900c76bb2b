using System.Buffers;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace DataPulse.Client.Tests.Errors;

/// <summary>
/// Every message <see cref="DataPulseExceptionFactory"/> can produce, each public method called and
/// <see cref="DataPulseExceptionFactory.FromResponse"/> fed every status with the contract's own bodies, a proxy's, and none:
/// each message says each fact once, in the caller's words.
/// </summary>
public sealed partial class ExceptionMessageTests
{
    private const string Operation = "Analytics.GetKpiSummary";
    private const string ReportId = "rpt_81b2";
    private const string TraceId = "trc_7f3a9c2e";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero));
    private static readonly Uri Target = new("https://api.datapulse.io/v1/analytics/kpis");

    /// <summary>Each case: the factory method it calls, and how.</summary>
    private static readonly Dictionary<string, (string Method, Func<Exception> Build)> Cases = new(StringComparer.Ordinal)
    {
        // FromResponse, status by status, with the bodies the contract and its OpenAPI examples show.
        ["400 invalid query, param sql"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(400, Body("invalid_request_error", "invalid_query", "Unknown table: nope.", param: "sql"))),
        ["400 message naming its param"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(400, Body("invalid_request_error", "parameter_invalid", "'period' must be one of 7d, 30d, 90d, 1y.", param: "period"))),
        ["400 not json"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(400, "{ not json at all", "application/json")),
        ["401 invalid key"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(401, Body("authentication_error", "invalid_api_key", "The API key is not valid."))),
        ["401 no body"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(401, null)),
        ["403 read-only key"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(403, Body("permission_error", "insufficient_permissions", "This API key is read-only."))),
        ["403 proxy html"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(403, "<html>Forbidden by proxy</html>", "text/html")),
        ["404 message is the reason phrase"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(404, Body("not_found_error", "not_found", "Not found."))),
        ["404 message names the id"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(404, Body("not_found_error", "customer_not_found", "No customer has the id 'cust_missing'."))),
        ["409 conflict"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(409, Body("invalid_request_error", "conflict", "Conflict."))),
        ["418 status without a reason phrase"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(418, Body("teapot_error", "teapot", "I'm a teapot."))),
        ["422 unprocessable"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(422, Body("invalid_request_error", "unprocessable", "The features do not fit the model."))),
        ["429 message gives the wait"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(429, Body("rate_limit_error", "rate_limit_exceeded", "Too many requests. Retry after 7 seconds."), retryAfter: "7")),
        ["429 message gives another wait in words"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(429, Body("rate_limit_error", "rate_limit_exceeded", "Rate limit hit; try again in 2 seconds."), retryAfter: "2")),
        ["429 message without the wait"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(429, Body("rate_limit_error", "rate_limit_exceeded", "Too many requests."), retryAfter: "1")),
        ["429 no Retry-After"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(429, Body("rate_limit_error", "rate_limit_exceeded", "Slow down."))),
        ["429 Retry-After as a date"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(429, Body("rate_limit_error", "rate_limit_exceeded", "Too many requests."), retryAfter: "Wed, 15 Jan 2025 08:30:07 GMT")),
        ["429 body not an error"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(429, "[1, 2, 3]", "application/json", retryAfter: "3")),
        ["500 something went wrong"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(500, Body("api_error", "internal_error", "Something went wrong."))),
        ["500 body without a message"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(500, Body("api_error", "internal_error", message: null))),
        ["500 body with a blank message"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(500, Body("api_error", "internal_error", "   "))),
        ["500 body with only a trace id"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(500, Body(null, null, null))),
        ["502 proxy html"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")),
        ["503 try again later, Retry-After"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(503, Body("api_error", "service_unavailable", "Try again later."), retryAfter: "2")),
        ["503 plain text reason phrase"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(503, "Service Unavailable", "text/plain")),
        ["503 retry budget spent"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(503, Body("api_error", "service_unavailable", "Try again later."), retryAfter: "2", reason: DataPulseClientReason.RetryBudgetSpent)),
        ["504 no body"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(504, null)),
        ["502 body over the cap"] = (nameof(DataPulseExceptionFactory.FromResponse), () => Answer(502, "<html>" + new string('x', 10_000) + "</html>", "text/html", truncated: true)),

        // Translate: every failure to get an answer.
        ["canceled by the caller"] = (nameof(DataPulseExceptionFactory.Translate), () => DataPulseExceptionFactory.Translate(new TaskCanceledException(), Operation, Target, new CancellationToken(canceled: true))),
        ["redirect refused"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new HttpRequestException("redirect", new RedirectRefusedException(new Uri("http://evil.example/v1"))))),
        ["overall deadline"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new DeadlineExceededException(overall: true, TimeSpan.FromSeconds(100), "DataPulseClientOptions.Timeout"))),
        ["attempt deadline"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new DeadlineExceededException(overall: false, TimeSpan.FromSeconds(30), "DataPulseClientOptions.AttemptTimeout"))),
        ["attempt deadline, budget spent"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new DeadlineExceededException(overall: false, TimeSpan.FromSeconds(30), "DataPulseClientOptions.AttemptTimeout"), DataPulseClientReason.RetryBudgetSpent)),
        ["answer too large, declared"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new ResponseTooLargeException(1_000_000, 5_000_000_000))),
        ["answer too large, streamed"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new ResponseTooLargeException(1_000_000, null))),
        ["a timeout strategy of the caller's"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:02'.", TimeSpan.FromSeconds(2)))),
        ["HttpClient.Timeout"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new TaskCanceledException("canceled", new TimeoutException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.")))),
        ["transport canceled"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new OperationCanceledException())),
        ["connection refused"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new HttpRequestException("Connection refused (api.datapulse.io:443)"))),
        ["connection reset, budget spent"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new IOException("Unable to read data from the transport connection: Connection reset by peer."), DataPulseClientReason.RetryBudgetSpent)),
        ["anything else"] = (nameof(DataPulseExceptionFactory.Translate), () => Translate(new InvalidOperationException("The handler did something odd."))),

        // Every other public method.
        ["canceled"] = (nameof(DataPulseExceptionFactory.Canceled), () => DataPulseExceptionFactory.Canceled(Operation, new CancellationToken(canceled: true))),
        ["overall timeout"] = (nameof(DataPulseExceptionFactory.OverallTimedOut), () => DataPulseExceptionFactory.OverallTimedOut(Operation, TimeSpan.FromSeconds(100), "DataPulseClientOptions.Timeout")),
        ["rate limit held, window spent"] = (nameof(DataPulseExceptionFactory.RateLimitHeld), () => DataPulseExceptionFactory.RateLimitHeld(
            Operation, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(60), RateLimitInfo.None, DataPulseClientReason.RateLimitWindowSpent, TimeSpan.FromSeconds(60))),
        ["rate limit held, paused"] = (nameof(DataPulseExceptionFactory.RateLimitHeld), () => DataPulseExceptionFactory.RateLimitHeld(
            Operation, TimeSpan.FromSeconds(86_400), TimeSpan.FromSeconds(60), RateLimitInfo.None, DataPulseClientReason.RateLimitPaused, TimeSpan.FromSeconds(60))),
        ["rate limit past the deadline"] = (nameof(DataPulseExceptionFactory.RateLimitPastDeadline), () => DataPulseExceptionFactory.RateLimitPastDeadline(
            Operation, TimeSpan.FromSeconds(100), "DataPulseClientOptions.Timeout", TimeSpan.FromSeconds(300), DataPulseClientReason.RateLimitWindowSpent)),
        ["unreadable json"] = (nameof(DataPulseExceptionFactory.Unreadable), () => DataPulseExceptionFactory.Unreadable(Operation, ReadBrokenJson())),
        ["unreadable, empty"] = (nameof(DataPulseExceptionFactory.Unreadable), () => DataPulseExceptionFactory.Unreadable(Operation, null)),
        ["unreadable, with a reason"] = (nameof(DataPulseExceptionFactory.Unreadable), () => DataPulseExceptionFactory.Unreadable(Operation, null, "the data object is missing")),
        ["incomplete"] = (nameof(DataPulseExceptionFactory.Incomplete), () => DataPulseExceptionFactory.Incomplete(Operation, "which report it is or where it stands (report_id and status)")),
        ["redirect refused, directly"] = (nameof(DataPulseExceptionFactory.RedirectRefused), () => DataPulseExceptionFactory.RedirectRefused(Operation, "http://evil.example")),
        ["insecure address"] = (nameof(DataPulseExceptionFactory.InsecureAddress), () => DataPulseExceptionFactory.InsecureAddress(Operation, new Uri("http://api.datapulse.io/v1/analytics/kpis"))),
        ["key missing"] = (nameof(DataPulseExceptionFactory.KeyMissing), () => DataPulseExceptionFactory.KeyMissing(Operation)),
        ["cursor repeated"] = (nameof(DataPulseExceptionFactory.CursorRepeated), () => DataPulseExceptionFactory.CursorRepeated("Reports.ListSchedules", "c_2")),
        ["report not ready"] = (nameof(DataPulseExceptionFactory.ReportNotReady), () => DataPulseExceptionFactory.ReportNotReady("Reports.DownloadReport", ReportId)),
        ["report failed"] = (nameof(DataPulseExceptionFactory.ReportFailed), () => DataPulseExceptionFactory.ReportFailed("Reports.Export", ReportId, new DataPulseApiError
        {
            StatusCode = HttpStatusCode.OK, Type = "api_error", Code = "report_generation_failed", Message = "Template tmpl_q3_performance could not be rendered.", TraceId = "trc_9d1",
        })),
        ["report failed, no message"] = (nameof(DataPulseExceptionFactory.ReportFailed), () => DataPulseExceptionFactory.ReportFailed("Reports.Export", ReportId, new DataPulseApiError { Type = "api_error", Code = "report_generation_failed" })),
        ["report failed, no error"] = (nameof(DataPulseExceptionFactory.ReportFailed), () => DataPulseExceptionFactory.ReportFailed("Reports.Export", ReportId, null)),
        ["report generation timed out"] = (nameof(DataPulseExceptionFactory.ReportGenerationTimedOut), () => DataPulseExceptionFactory.ReportGenerationTimedOut("Reports.Export", ReportId, "processing", TimeSpan.FromMinutes(30))),
        ["download ended early"] = (nameof(DataPulseExceptionFactory.DownloadEndedEarly), () => DataPulseExceptionFactory.DownloadEndedEarly("Reports.DownloadReport", "q3.pdf", 40, 100)),
        ["download broke"] = (nameof(DataPulseExceptionFactory.DownloadBroke), () => DataPulseExceptionFactory.DownloadBroke("Reports.DownloadReport", "q3.pdf", new IOException("Connection reset by peer."))),
        ["download idle"] = (nameof(DataPulseExceptionFactory.DownloadIdle), () => DataPulseExceptionFactory.DownloadIdle("Reports.DownloadReport", "q3.pdf", TimeSpan.FromSeconds(60))),
        ["outside: disposed"] = (nameof(DataPulseExceptionFactory.Outside), () => DataPulseExceptionFactory.Outside(new ObjectDisposedException("HttpClient"), Operation, CancellationToken.None)),
        ["outside: transport"] = (nameof(DataPulseExceptionFactory.Outside), () => DataPulseExceptionFactory.Outside(new HttpRequestException("Connection refused"), Operation, CancellationToken.None)),
    };

    public static TheoryData<string> Messages
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in Cases.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    [Fact]
    public void Cases_CallEveryPublicFactoryMethod()
    {
        var producers = typeof(DataPulseExceptionFactory)
            .GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => typeof(Exception).IsAssignableFrom(m.ReturnType))
            .Select(m => m.Name)
            .ToHashSet();

        producers.Should().NotBeEmpty().And.BeSubsetOf(Cases.Values.Select(c => c.Method), "every message the factory can produce is checked here");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_IsNotEmpty(string name) =>
        Cases[name].Build().Message.Should().NotBeNullOrWhiteSpace();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_SaysNoSentenceOrClauseTwice(string name) =>
        RepeatedClauses(Cases[name].Build().Message).Should().BeEmpty(Cases[name].Build().Message);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_GivesTheRetryWaitAtMostOnce(string name) =>
        RetryWaits(Cases[name].Build().Message).Should().BeLessThanOrEqualTo(1, Cases[name].Build().Message);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_NamesTheOperationAtMostOnce(string name)
    {
        var message = Cases[name].Build().Message;
        Regex.Count(message, @"\b(Analytics|Customers|Predictions|Reports)\.[A-Z]\w+").Should().BeLessThanOrEqualTo(1, message);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_HasNoParameterDecoration(string name) =>
        Cases[name].Build().Message.Should().NotContain("(Parameter '");

    [Fact]
    public void RateLimitMessage_ServerGivesTheWait_KeepsRetryAfterOnTheException()
    {
        var thrown = Cases["429 message gives the wait"].Build().Should().BeOfType<DataPulseRateLimitException>().Subject;

        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        thrown.Message.Should().Be($"{Operation} failed: 429 Too Many Requests (rate_limit_error/rate_limit_exceeded): Retry after 7 seconds. Trace id: {TraceId}.");
    }

    [Fact]
    public void RateLimitMessage_ServerDoesNotGiveTheWait_AddsIt()
    {
        var message = Cases["429 message without the wait"].Build().Message;

        message.Should().Be($"{Operation} failed: 429 Too Many Requests (rate_limit_error/rate_limit_exceeded). Retry after 1 s. Trace id: {TraceId}.");
    }

    [Fact]
    public void ErrorBodyWithoutMessage_IsNotCalledAForeignBody()
    {
        var message = Cases["500 body without a message"].Build().Message;

        message.Should().Be($"{Operation} failed: 500 Internal Server Error (api_error/internal_error). Trace id: {TraceId}.");
    }

    // The checks themselves: each must catch the repeat it is for, or the theories above would pass vacuously.
    [Fact]
    public void RepeatedClauses_FindTheRepeatsOfIssue17() =>
        RepeatedClauses("Customers.Get failed: 404 Not Found (not_found_error/not_found): Not found. Trace id: trc_1.").Should().Equal("not found");

    [Fact]
    public void RetryWaits_CountTheServersAndTheFactorysWait() =>
        RetryWaits("Too many requests. Retry after 2 seconds. Retry after 2 s.").Should().Be(2);

    [Fact]
    public void RepeatedClauses_FindAWordSaidTwiceInARow() =>
        RepeatedClauses("Customers.Get failed: 418 418 (teapot_error/teapot).").Should().Equal("418 418");

    /// <summary>
    /// Sentences and clauses (split at . : ; ! ? and parentheses) said twice, compared without case, digits or extra
    /// spaces; and any word said twice in a row.
    /// </summary>
    private static List<string> RepeatedClauses(string message) =>
        ClauseBreak().Split(message)
            .Select(Normalise)
            .Where(clause => clause.Split(' ').Length >= 2)
            .GroupBy(clause => clause, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .Concat(DoubledWord().Matches(message).Select(match => match.Value.ToLowerInvariant()))
            .ToList();

    /// <summary>How often the message tells the caller when to retry.</summary>
    private static int RetryWaits(string message) => Regex.Count(Normalise(message), @"\b(retry after|retry in|try again (in|after))\b");

    private static string Normalise(string text) =>
        Whitespace().Replace(Regex.Replace(text.ToLowerInvariant().Replace('-', ' '), @"[0-9]", string.Empty), " ").Trim(' ', '.', ',', '\'', '"');

    [GeneratedRegex(@"[.:;!?](?=\s|$)|[()]")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(\w+)\s+\1\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoubledWord();

    private static Exception Translate(Exception exception, DataPulseClientReason reason = DataPulseClientReason.None) =>
        DataPulseExceptionFactory.Translate(exception, Operation, Target, CancellationToken.None, reason);

    private static string Body(string? type, string? code, string? message, string? param = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["error"] = new Dictionary<string, object?> { ["type"] = type, ["code"] = code, ["message"] = message, ["param"] = param, ["trace_id"] = TraceId },
        });

    /// <summary>An error answer as the call path holds it: the body read into a <see cref="BufferedContent"/>.</summary>
    private static DataPulseApiException Answer(
        int status, string? body, string contentType = "application/json", string? retryAfter = null, bool truncated = false,
        DataPulseClientReason reason = DataPulseClientReason.None)
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 1));
        bytes.CopyTo(buffer, 0);
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new BufferedContent(buffer, bytes.Length, truncated, transportHeaders: null) };
        if (body is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        response.Headers.TryAddWithoutValidation("X-Trace-Id", TraceId);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return DataPulseExceptionFactory.FromResponse(Operation, response, ApiServer.ApiKey, Clock, reason);
    }

    private static JsonException ReadBrokenJson()
    {
        try
        {
            JsonDocument.Parse("""{ "data": { "revenue": """).Dispose();
        }
        catch (JsonException exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The broken JSON was read.");
    }
}
