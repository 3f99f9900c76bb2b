using System.Text.Json;
using DataPulse.Client.Analytics;
using DataPulse.Client.Customers;
using DataPulse.Client.Errors;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;

namespace DataPulse.Client.Tests.Serialization;

/// <summary>
/// A model read from the wire keeps the defaults of its [JsonIgnore] properties, on every target: System.Text.Json 8's
/// source generator (the net8.0 build) sets every init-only property when it reads a record, ignored ones to null.
/// </summary>
public sealed class IgnoredPropertiesTests
{
    [Fact]
    public void CustomerProfile_KeepsAnEmptyResponse()
    {
        var profile = JsonSerializer.Deserialize("""{ "customer_id": "cust_1" }""", CustomersJsonContext.Default.CustomerProfile)!;

        profile.Response.Should().BeSameAs(DataPulseResponseInfo.None);
    }

    [Fact]
    public void PredictionResult_KeepsAnEmptyResponse()
    {
        var result = JsonSerializer.Deserialize("""{ "prediction": "churn" }""", PredictionsJsonContext.Default.PredictionResult)!;

        result.Response.Should().BeSameAs(DataPulseResponseInfo.None);
    }

    [Fact]
    public void ListedReportSchedule_KeepsAnEmptyResponse()
    {
        var page = JsonSerializer.Deserialize(
            """{ "data": [ { "schedule_id": "sch_1" } ], "meta": {} }""",
            ReportsJsonContext.Default.DataEnvelopeIReadOnlyListReportScheduleCursorMeta)!;

        page.Data.Should().ContainSingle().Which.Response.Should().BeSameAs(DataPulseResponseInfo.None);
    }

    [Fact]
    public void KpiSummary_KeepsItsMetaAndAnEmptyResponse()
    {
        var envelope = JsonSerializer.Deserialize("""{ "data": { "revenue": 1 } }""", AnalyticsJsonContext.Default.DataEnvelopeKpiSummaryKpiMeta)!;

        envelope.Data!.Meta.Should().NotBeNull();
        envelope.Data.Response.Should().BeSameAs(DataPulseResponseInfo.None);
    }

    [Fact]
    public void FailedReportError_KeepsEmptyHeaders()
    {
        var status = JsonSerializer.Deserialize(
            """{ "report_id": "rpt_1", "status": "failed", "error": { "type": "api_error", "code": "report_generation_failed" } }""",
            ReportsJsonContext.Default.ReportStatusBody)!;

        status.Error!.Headers.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void ErrorBody_KeepsEmptyHeaders()
    {
        var envelope = JsonSerializer.Deserialize("""{ "error": { "type": "api_error" } }""", ErrorJsonContext.Default.ErrorEnvelope)!;

        envelope.Error!.Headers.Should().NotBeNull().And.BeEmpty();
    }
}
