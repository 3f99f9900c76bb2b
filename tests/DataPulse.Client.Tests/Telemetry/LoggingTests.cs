using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DataPulse.Client.Tests.Telemetry;

public sealed class LoggingTests : IDisposable, IClassFixture<ApiServer>
{
    private readonly ApiServer _api;
    private readonly LogCapture _logs = new();

    public LoggingTests(ApiServer api) => _api = api.Reset();

    public void Dispose()
    {
        _logs.Dispose();
    }

    private DataPulseClient CreateClient() => _api.CreateClient(options => options.LoggerFactory = _logs.Factory);

    private FakeLogRecord Single(string eventName) => _logs.Records.Should().ContainSingle(r => r.Id.Name == eventName).Subject;

    [Fact]
    public async Task Success_LogsOperationMethodPathStatusDurationTraceIdAndAttempts()
    {
        CannedResponses.Kpis(_api.Server, traceId: "trc_success_1");
        using var client = CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        var record = Single("OperationSucceeded");
        record.Category.Should().Be("DataPulse.Client");
        record.Level.Should().Be(LogLevel.Information);
        record.GetStructuredStateValue("Operation").Should().Be("Analytics.GetKpiSummary");
        record.GetStructuredStateValue("Method").Should().Be("GET");
        record.GetStructuredStateValue("Path").Should().Be(CannedResponses.KpisPath);
        record.GetStructuredStateValue("StatusCode").Should().Be("200");
        double.Parse(record.GetStructuredStateValue("DurationMs")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(0);
        record.GetStructuredStateValue("TraceId").Should().Be("trc_success_1");
        record.GetStructuredStateValue("Attempts").Should().Be("1");
    }

    [Fact]
    public async Task Retry_LogsTheRetryAndCountsAttempts()
    {
        CannedResponses.KpisFailThenSucceed(_api.Server, 503);
        using var client = CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        Single("Retrying").GetStructuredStateValue("Status").Should().Be("503");
        Single("OperationSucceeded").GetStructuredStateValue("Attempts").Should().Be("2");
    }

    [Fact]
    public async Task Failure_LogsStatusErrorTypeAndTheException()
    {
        CannedResponses.Error(_api.Server, "/v1/customers/cust_1", 404, "not_found_error", "customer_not_found");
        using var client = CreateClient();

        var act = () => client.Customers.GetAsync("cust_1");

        var thrown = (await act.Should().ThrowAsync<DataPulseNotFoundException>()).Which;
        var record = Single("OperationFailed");
        record.GetStructuredStateValue("StatusCode").Should().Be("404");
        record.GetStructuredStateValue("ErrorType").Should().Be(nameof(DataPulseNotFoundException));
        record.GetStructuredStateValue("TraceId").Should().Be(CannedResponses.TraceId);
        record.Exception.Should().BeSameAs(thrown);
    }

    [Theory]
    [InlineData(400, LogLevel.Information)]
    [InlineData(404, LogLevel.Information)]
    [InlineData(409, LogLevel.Information)]
    [InlineData(422, LogLevel.Information)]
    [InlineData(401, LogLevel.Warning)]
    [InlineData(403, LogLevel.Warning)]
    [InlineData(429, LogLevel.Warning)]
    [InlineData(500, LogLevel.Warning)]
    [InlineData(503, LogLevel.Warning)]
    public async Task Failure_IsLoggedAtTheLevelItsStatusCallsFor(int status, LogLevel expected)
    {
        CannedResponses.Error(_api.Server, "/v1/customers/cust_1", status, "some_error", "some_code");
        using var client = _api.CreateClient(options => (options.LoggerFactory, options.MaxRetries) = (_logs.Factory, 0));

        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseApiException>();

        Single("OperationFailed").Level.Should().Be(expected);
    }

    [Fact]
    public async Task NoAnswer_IsLoggedAsAWarning()
    {
        using var client = new DataPulseClient(TestOptions.For(ScriptedServer.ClosedPort(), o => (o.LoggerFactory, o.MaxRetries) = (_logs.Factory, 0)));

        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseConnectionException>();

        Single("OperationFailed").Level.Should().Be(LogLevel.Warning);
    }

    [Fact]
    public async Task CallerCancellation_IsLoggedAtDebugNotAsFailure()
    {
        using var client = CreateClient();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        var act = () => client.Analytics.GetKpiSummaryAsync(cancellationToken: canceled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _logs.Records.Should().NotContain(r => r.Id.Name == "OperationFailed");
        var record = Single("OperationCanceled");
        record.Level.Should().Be(LogLevel.Debug);
        record.GetStructuredStateValue("Operation").Should().Be("Analytics.GetKpiSummary");
        record.GetStructuredStateValue("Attempts").Should().NotBeNull();
    }

    [Fact]
    public async Task NoLoggerFactory_NothingIsLoggedAndTheCallWorks()
    {
        CannedResponses.Kpis(_api.Server);
        using var client = _api.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync();

        kpis.Should().NotBeNull();
        _logs.Records.Should().BeEmpty();
    }
}
