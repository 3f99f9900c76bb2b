using System.Net;
using DataPulse.Cli.Errors;
using DataPulse.Client;
using Spectre.Console.Cli;

namespace DataPulse.Cli.Tests.Infrastructure;

/// <summary>One failure of every kind the CLI reports, with the code and exit code it must get.</summary>
public static class SampleFailures
{
    public static TheoryData<string, Exception, string, int> All { get; } = new()
    {
        { "parse error", Parse("kpi", "--vertcal"), "usage_error", 2 },
        { "SDK input check", new ArgumentException("Limit must be from 1 to 10000; it is 0.", "request"), "invalid_input", 2 },
        { "400", new DataPulseBadRequestException("400", Error(HttpStatusCode.BadRequest)), "bad_request", 2 },
        { "401", new DataPulseAuthenticationException("401", Error(HttpStatusCode.Unauthorized)), "authentication_failed", 3 },
        { "404", new DataPulseNotFoundException("404", Error(HttpStatusCode.NotFound)), "not_found", 4 },
        { "403", new DataPulsePermissionDeniedException("403", Error(HttpStatusCode.Forbidden)), "permission_denied", 5 },
        { "429", new DataPulseRateLimitException("429", Error(HttpStatusCode.TooManyRequests), TimeSpan.FromSeconds(30)), "rate_limited", 6 },
        { "503", new DataPulseServerException("503", Error(HttpStatusCode.ServiceUnavailable)), "server_error", 7 },
        { "no connection", new DataPulseConnectionException("Connection refused (127.0.0.1:1)"), "connection_failed", 8 },
        { "timeout", new DataPulseTimeoutException("The call took longer than 100 s.", DataPulseTimeoutKind.Overall, TimeSpan.FromSeconds(100)), "timeout", 9 },
        { "409", new DataPulseApiException("409", Error(HttpStatusCode.Conflict)), "api_error", 10 },
        { "folder", new OutputException("Cannot create the output folder '/tmp/x': '/tmp/x' is a file."), "output_error", 11 },
        { "disk full", new IOException("No space left on device"), "output_error", 11 },
        { "Ctrl+C", new OperationCanceledException(), "cancelled", 130 },
        { "unreadable answer", new DataPulseException("The answer could not be read."), "unexpected", 1 },
        { "bug", new InvalidOperationException("Sequence contains no elements"), "unexpected", 1 },
    };

    private static DataPulseApiError Error(HttpStatusCode status) =>
        new() { StatusCode = status, Code = "some_code", Message = $"The server says {(int)status}.", TraceId = "trc_test" };

    /// <summary>The exception Spectre.Console.Cli throws for a command line it cannot parse.</summary>
    private static CommandAppException Parse(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.Settings.StrictParsing = true;
            config.PropagateExceptions();
            config.AddCommand<DataPulse.Cli.Commands.KpiCommand>("kpi");
        });
        try
        {
            app.Run(args);
        }
        catch (CommandAppException ex)
        {
            return ex;
        }

        throw new InvalidOperationException("The command line parsed.");
    }
}
