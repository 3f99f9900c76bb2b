using System.Text.Json.Serialization;
using DataPulse.Client.Http;

namespace DataPulse.Client.Analytics;

/// <summary>The KPI summary for a period and vertical.</summary>
public sealed record KpiSummary : IAnsweredResult
{
    private DataPulseResponseInfo _response = DataPulseResponseInfo.None;
    private KpiMeta _meta = KpiMeta.Unknown;

    /// <summary>Revenue in the period, exact.</summary>
    public decimal Revenue { get; init; }

    /// <summary>Users active in the period.</summary>
    public long ActiveUsers { get; init; }

    /// <summary>The share of visits that converted, from 0 to 1.</summary>
    public double ConversionRate { get; init; }

    /// <summary>How likely customers are to leave.</summary>
    public ChurnRisk ChurnRisk { get; init; }

    /// <summary>The direction the figures are moving in.</summary>
    public Trend Trend { get; init; }

    /// <summary>The period the figures cover.</summary>
    public KpiPeriod Period { get; init; }

    /// <summary>When the figures were computed, and whether they came from the server's cache.</summary>
    [JsonIgnore]
    // System.Text.Json 8 (the net8.0 build) sets every init-only property when it reads the record, this ignored one to null; null keeps the default.
    public KpiMeta Meta { get => _meta; init => _meta = value ?? KpiMeta.Unknown; }

    /// <summary>The trace id and rate-limit window of the answer.</summary>
    [JsonIgnore]
    // System.Text.Json 8 (the net8.0 build) sets every init-only property when it reads the record, this ignored one to null; null keeps the default.
    public DataPulseResponseInfo Response { get => _response; init => _response = value ?? DataPulseResponseInfo.None; }

    void IAnsweredResult.SetResponse(DataPulseResponseInfo response) => _response = response;

    /// <summary>Sets the envelope's <c>meta</c> on the summary just read from its <c>data</c>, before anyone sees it.</summary>
    internal void SetMeta(KpiMeta? meta) => _meta = meta ?? KpiMeta.Unknown;
}
