using System.Diagnostics.Metrics;
using System.Reflection;
using DataPulse.Client.Telemetry;

namespace DataPulse.Client.Tests.Telemetry;

/// <summary>
/// Every instrument of <see cref="DataPulseMetrics"/>, each recorded once on a meter of its own: tagged only with the
/// OpenTelemetry HTTP names every instrument shares, never with a key, its hash, a path or anything else of high cardinality.
/// </summary>
public sealed class DataPulseMetricsTests : IDisposable
{
    private static readonly string[] AllowedTags =
    [
        "datapulse.operation", "http.request.method", "server.address", "server.port", "http.response.status_code", "error.type",
    ];

    private readonly Meter _meter = new("DataPulse.Client.Tests.Metrics");
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, Dictionary<string, object?> Tags)> _measurements = [];

    public DataPulseMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Add(instrument, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(instrument, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void EveryInstrument_IsRecordedByThisTest() =>
        RecordEverything().Select(m => m.Instrument).Distinct().Should().BeEquivalentTo(InstrumentNames());

    [Fact]
    public void EveryInstrument_IsTaggedOnlyWithTheSharedLowCardinalityNames() =>
        RecordEverything().SelectMany(m => m.Tags.Keys.Where(k => !AllowedTags.Contains(k)).Select(k => $"{m.Instrument}: {k}")).Should().BeEmpty();

    [Fact]
    public void EveryInstrumentOfACall_NamesTheServerTheSameWay() =>
        RecordEverything().Where(m => m.Tags.ContainsKey("datapulse.operation"))
            .Should().OnlyContain(m => Equals(m.Tags["server.address"], "api.datapulse.io") && Equals(m.Tags["server.port"], 443) && Equals(m.Tags["http.request.method"], "GET"));

    [Fact]
    public void RecordRetry_AnAnswer_TagsItsStatusCodeAndErrorType()
    {
        var metrics = new DataPulseMetrics(_meter);

        metrics.RecordRetry("Customers.Get", Request(), 503, "503");

        var retry = _measurements.Should().ContainSingle(m => m.Instrument == DataPulseMetrics.RetriesName).Subject;
        retry.Tags["http.response.status_code"].Should().Be(503);
        retry.Tags["error.type"].Should().Be("503");
    }

    [Fact]
    public void RecordRetry_NoAnswer_TagsOnlyTheErrorType()
    {
        var metrics = new DataPulseMetrics(_meter);

        metrics.RecordRetry("Customers.Get", Request(), null, typeof(DataPulseConnectionException).FullName!);

        var retry = _measurements.Should().ContainSingle(m => m.Instrument == DataPulseMetrics.RetriesName).Subject;
        retry.Tags.Should().NotContainKey("http.response.status_code");
        retry.Tags["error.type"].Should().Be("DataPulse.Client.DataPulseConnectionException");
    }

    private List<(string Instrument, Dictionary<string, object?> Tags)> RecordEverything()
    {
        var metrics = new DataPulseMetrics(_meter);
        var budget = new Budget();
        metrics.Observe(budget);
        using var request = Request();
        metrics.RecordDuration(TimeSpan.FromMilliseconds(40), "Customers.Get", request, 200, null);
        metrics.RecordDuration(TimeSpan.FromMilliseconds(40), "Customers.Get", request, null, typeof(DataPulseConnectionException).FullName);
        metrics.RecordRetry("Customers.Get", request, 429, "429");
        metrics.RecordRetry("Customers.Get", request, null, typeof(DataPulseTimeoutException).FullName!);
        metrics.RecordRateLimited("Customers.Get", request);
        metrics.RecordPacedWait("Customers.Get", request);
        metrics.RecordRateLimitProbe("Customers.Get", request);
        metrics.RecordRateLimitRefusal("Customers.Get", request);
        metrics.RecordRetryBudgetRefusal("Customers.Get", request);
        _listener.RecordObservableInstruments();
        return _measurements;
    }

    private static IEnumerable<string> InstrumentNames() =>
        typeof(DataPulseMetrics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Name", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static HttpRequestMessage Request() => new(HttpMethod.Get, "https://api.datapulse.io/v1/customers/cust_92f8a3b1?expand=segments");

    private void Add(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, copy));
        }
    }

    private sealed class Budget : IRetryBudgetGauge
    {
        public double? Tokens => 7;

        public string ServerAddress => "api.datapulse.io";

        public int ServerPort => 443;
    }
}
