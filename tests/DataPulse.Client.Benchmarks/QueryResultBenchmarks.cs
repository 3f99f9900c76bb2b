using System.Text;
using BenchmarkDotNet.Attributes;

namespace DataPulse.Client.Benchmarks;

/// <summary>Reading a 10,000-row query result and summing one column through the typed getters.</summary>
[MemoryDiagnoser]
public class QueryResultBenchmarks
{
    private DataPulseClient _sdk = null!;
    private HttpClient _transport = null!;

    [GlobalSetup]
    public void Setup()
    {
        var json = new StringBuilder("""{ "data": { "columns": [ { "name": "region", "type": "string" }, { "name": "revenue", "type": "number" } ], "rows": [""");
        for (var i = 0; i < 10_000; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append("[\"EMEA\",").Append(1000.5m + i).Append(']');
        }

        json.Append("""] }, "meta": { "query_id": "qry_1", "row_count": 10000, "truncated": false, "execution_time_ms": 42, "generated_at": "2025-01-15T08:30:00Z" } }""");
        _transport = new HttpClient(new CannedResponseHandler(json.ToString()));
        _sdk = new DataPulseClient(_transport, new DataPulseClientOptions { ApiKey = "dp_live_sk_000000000000000000000000000000" });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _transport.Dispose();
    }

    [Benchmark(Description = "QueryAsync 10k rows + sum a decimal column")]
    public async Task<decimal> QueryAndSum()
    {
        var result = await _sdk.Analytics.QueryAsync("SELECT region, revenue FROM transactions", 10_000);
        var sum = 0m;
        foreach (var row in result.Rows)
        {
            sum += row.GetDecimal(1) ?? 0m;
        }

        return sum;
    }
}
