using System.Diagnostics.Metrics;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DataPulse.Client.Tests.Resilience;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RetryMetricsGroup
{
    // The meter is process-wide: a test that counts retries must not run beside others that retry.
    public const string Name = "Retry metrics (not parallel)";
}

/// <summary>Each retry is logged (attempt, status, delay) and counted on the <c>DataPulse.Client</c> meter.</summary>
[Collection(RetryMetricsGroup.Name)]
public sealed class RetrySignalsTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public RetrySignalsTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task Retry_IsLoggedWithAttemptStatusAndDelay()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(429, "0"), failures: 2);
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var client = _api.CreateClient(o => o.LoggerFactory = loggerFactory);

        await client.Customers.GetAsync("cust_1");

        var retries = logs.Collector.GetSnapshot().Where(r => r.Id.Name == "Retrying").ToList();
        retries.Should().HaveCount(2);
        retries.Select(r => r.GetStructuredStateValue("Attempt")).Should().Equal("1", "2");
        retries.Should().OnlyContain(r => r.GetStructuredStateValue("Status") == "429" && r.GetStructuredStateValue("DelayMs") == "0");
        retries.Should().OnlyContain(r => r.Level == LogLevel.Warning && r.GetStructuredStateValue("Operation") == "Customers.Get");
    }

    [Fact]
    public async Task Retry_IsCountedOnTheRetriesInstrument()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(503), failures: 2);
        using var client = _api.CreateClient();
        var statuses = new List<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "DataPulse.Client" && instrument.Name == "datapulse.client.retries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "error.type")
                {
                    lock (statuses)
                    {
                        statuses.AddRange(Enumerable.Repeat(tag.Value as string, (int)value));
                    }
                }
            }
        });
        listener.Start();

        await client.Customers.GetAsync("cust_1");

        statuses.Should().Equal("503", "503");
    }
}
