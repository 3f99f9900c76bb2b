using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Observability;

/// <summary>
/// Neither the key nor any 8-character run of it appears in any log (every level, every category, bodies on), nor in an
/// exception's <see cref="Exception.ToString"/>, whatever the outcome.
/// </summary>
public sealed class KeyLeakTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly LogCapture _logs = new();

    public void Dispose()
    {
        _logs.Dispose();
        _api.Dispose();
    }

    public static TheoryData<string> Outcomes =>
    [
        "success", "400", "401 echoing the key", "403", "404", "429 after retries", "500 after retries", "503 then success",
        "connection refused", "attempt timeout", "unreadable body",
    ];

    private void Arrange(string outcome, DataPulseClientOptions options)
    {
        var server = _api.Server;
        switch (outcome)
        {
            case "success":
                Stubs.Kpis(server);
                break;
            case "401 echoing the key":
                Stubs.Error(server, Stubs.KpisPath, 401, "authentication_error", "invalid_api_key", $"Invalid API key {ApiServer.ApiKey}.");
                break;
            case "429 after retries":
                Stubs.Error(server, Stubs.KpisPath, 429, "rate_limit_error", "rate_limit_exceeded");
                break;
            case "500 after retries":
                Stubs.Error(server, Stubs.KpisPath, 500, "api_error", "internal");
                break;
            case "503 then success":
                Scenarios.KpisFailThenSucceed(server, 503, failures: 2);
                break;
            case "connection refused":
                options.BaseAddress = Stubs.ClosedLoopbackAddress();
                break;
            case "attempt timeout":
                options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
                options.MaxRetries = 1;
                server.Given(Request.Create().WithPath(Stubs.KpisPath)).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromMilliseconds(500)));
                break;
            case "unreadable body":
                server.Given(Request.Create().WithPath(Stubs.KpisPath)).RespondWith(Stubs.Json(200, "{ not json", Stubs.TraceId));
                break;
            default:
                var status = int.Parse(outcome, System.Globalization.CultureInfo.InvariantCulture);
                Stubs.Error(server, Stubs.KpisPath, status, "some_error", "some_code");
                break;
        }
    }

    private static async Task<string> CallAndDescribeAsync(IDataPulseClient client)
    {
        try
        {
            await client.Analytics.GetKpiSummaryAsync();
            return string.Empty;
        }
        catch (Exception ex)
        {
            return ex.ToString() + Environment.NewLine + ex.Message;
        }
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task DirectClient_NoOutcomeLeaksTheKey(string outcome)
    {
        var options = _api.Options(o =>
        {
            o.LoggerFactory = _logs.Factory;
            o.LogBodies = true;
        });
        Arrange(outcome, options);
        using var client = new DataPulseClient(options);

        var exceptionText = await CallAndDescribeAsync(client);

        _logs.Records.Should().NotBeEmpty();
        (_logs.AllText() + exceptionText).ShouldNotContainKey();
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task ContainerClient_NoOutcomeLeaksTheKeyInAnyCategory(string outcome)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        var template = _api.Options(o => o.LogBodies = true);
        Arrange(outcome, template);
        services.AddDataPulse(o =>
        {
            (o.ApiKey, o.BaseAddress, o.RetryBaseDelay, o.LogBodies) = (template.ApiKey, template.BaseAddress, template.RetryBaseDelay, template.LogBodies);
            (o.AttemptTimeout, o.MaxRetries) = (template.AttemptTimeout, template.MaxRetries);
        });
        await using var provider = services.BuildServiceProvider();

        var exceptionText = await CallAndDescribeAsync(provider.GetRequiredService<IDataPulseClient>());

        var collector = provider.GetFakeLogCollector();
        collector.GetSnapshot().Should().Contain(r => r.Category == "DataPulse.Client");
        (LogCapture.AllText(collector) + exceptionText).ShouldNotContainKey();
    }
}
