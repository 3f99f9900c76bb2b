using DataPulse.Client.Analytics;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Errors;

/// <summary>The caller's own cancellation is never wrapped: it stays an <see cref="OperationCanceledException"/>.</summary>
public sealed class CancellationTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public CancellationTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task AlreadyCanceledToken_ThrowsOperationCanceledAndSendsNothing()
    {
        _api.StubJson("GET", "/v1/analytics/kpis", ContractExamples.KpiSummary);
        using var client = _api.CreateClient();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var act = () => client.Analytics.GetKpiSummaryAsync(cancellationToken: cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _api.ShouldHaveReceivedNothing();
    }

    public static TheoryData<string> Operations => new() { "kpis", "query", "customer", "predict", "export" };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task CanceledWhileInFlight_ThrowsOperationCanceled(string operation)
    {
        var transport = new HangingTransport();
        using var http = new HttpClient(transport);
        using var client = new DataPulseClient(http, _api.Options());
        using var cts = new CancellationTokenSource();

        var call = operation switch
        {
            "kpis" => client.Analytics.GetKpiSummaryAsync(KpiPeriod.SevenDays, cancellationToken: cts.Token),
            "query" => client.Analytics.QueryAsync("SELECT 1", cancellationToken: cts.Token),
            "customer" => client.Customers.GetAsync("cust_1", cts.Token),
            "predict" => client.Predictions.PredictAsync(
                new() { ModelId = "m", Features = new Dictionary<string, object?> { ["a"] = 1 } }, cts.Token),
            _ => (Task)client.Reports.ExportAsync(new ReportExportRequest { TemplateId = "t", Format = ReportFormat.Pdf }, cts.Token),
        };
        await transport.RequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cts.CancelAsync();

        var act = () => call;

        (await act.Should().ThrowAsync<OperationCanceledException>()).Which.Should().NotBeAssignableTo<DataPulseException>();
    }

    /// <summary>Accepts a request and never answers until it is canceled.</summary>
    private sealed class HangingTransport : HttpMessageHandler
    {
        public TaskCompletionSource RequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            RequestArrived.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
