using DataPulse.Client.Analytics;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Internal;

/// <summary>
/// The contract's Idempotency-Key is a GUID. A caller's own key is sent as given when it is one (in any of the three
/// forms the contract allows) and refused unsent otherwise: the contract check found the SDK sending 'order-42-report',
/// which a server or gateway that checks the contract refuses (Prism: 422, pattern).
/// </summary>
public sealed class IdempotencyKeyTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public IdempotencyKeyTests(ApiServer api)
    {
        _api = api.Reset();
        _api.StubJson("POST", "/v1/analytics/query", ContractExamples.QueryResult);
    }

    public static TheoryData<Func<IDataPulseClient, string, Task>> Posts => new()
    {
        (c, key) => c.Analytics.QueryAsync(new QueryRequest { Sql = "SELECT 1", IdempotencyKey = key }),
        (c, key) => c.Predictions.PredictAsync(new PredictionRequest
        {
            ModelId = "churn_v3", Features = new Dictionary<string, object?> { ["plan"] = "pro" }, IdempotencyKey = key,
        }),
        (c, key) => c.Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Pdf, IdempotencyKey = key }),
        (c, key) => c.Reports.CreateScheduleAsync(new ReportScheduleRequest
        {
            TemplateId = "tmpl_q3_performance", Format = ReportFormat.Pdf, Cron = "0 6 * * 1", TimeZone = "UTC",
            Recipients = ["ops@example.com"], IdempotencyKey = key,
        }),
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task CallerKeyThatIsNotAGuid_IsRefusedAndNothingIsSent(Func<IDataPulseClient, string, Task> post)
    {
        using var client = _api.CreateClient();

        foreach (var key in new[] { "order-42-report", "", " ", "5f0c2a8e9b1d4c7fa3e6d2b1c0a9f8e", "(5f0c2a8e-9b1d-4c7f-a3e6-d2b1c0a9f8e7)" })
        {
            (await client.Invoking(c => post(c, key)).Should().ThrowAsync<ArgumentException>())
                .Which.Message.Should().Contain("IdempotencyKey must be a GUID");
        }

        _api.ShouldHaveReceivedNothing();
    }

    [Theory]
    [InlineData("5f0c2a8e9b1d4c7fa3e6d2b1c0a9f8e7")]
    [InlineData("5F0C2A8E-9B1D-4C7F-A3E6-D2B1C0A9F8E7")]
    [InlineData("{5f0c2a8e-9b1d-4c7f-a3e6-d2b1c0a9f8e7}")]
    public async Task CallerKeyThatIsAGuid_IsSentAsGiven(string key)
    {
        using var client = _api.CreateClient();

        await client.Analytics.QueryAsync(new QueryRequest { Sql = "SELECT 1", IdempotencyKey = key });

        SentRequest.Of(_api.SingleRequest()).IdempotencyKey().Should().Be(key);
    }
}
