using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// The SDK's cost over a hand-written HttpClient call that does the same work (bearer header, GET, JSON read),
/// both over the same in-memory transport.
/// </summary>
[MemoryDiagnoser]
public class CallOverheadBenchmarks
{
    private const string CustomerJson =
        """{ "customer_id": "cust_92f8a3b1", "segments": ["high_value", "early_adopter"], "lifetime_value": 4820.50, "last_interaction": "2025-01-14T16:22:00Z", "churn_probability": 0.12 }""";

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private HttpClient _handWritten = null!;
    private DataPulseClient _sdk = null!;
    private DataPulseClient _sdkOverCallerClient = null!;
    private HttpClient _sdkTransport = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handWritten = new HttpClient(new CannedResponseHandler(CustomerJson)) { BaseAddress = new Uri("https://api.datapulse.io/") };
        _handWritten.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dp_live_sk_000000000000000000000000000000");
        var options = new DataPulseClientOptions { ApiKey = "dp_live_sk_000000000000000000000000000000" };
        _sdk = new DataPulseClient(new HttpClient(new CannedResponseHandler(CustomerJson)), options);
        _sdkTransport = new HttpClient(new CannedResponseHandler(CustomerJson));
        _sdkOverCallerClient = new DataPulseClient(_sdkTransport, options);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkOverCallerClient.Dispose();
        _sdkTransport.Dispose();
        _handWritten.Dispose();
    }

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + GetFromJsonAsync")]
    public async Task<HandWrittenCustomer?> HandWritten() =>
        await _handWritten.GetFromJsonAsync<HandWrittenCustomer>("v1/customers/cust_92f8a3b1", SnakeCase);

    [Benchmark(Description = "DataPulseClient.Customers.GetAsync")]
    public async Task<string> Sdk() => (await _sdk.Customers.GetAsync("cust_92f8a3b1")).CustomerId;

    [Benchmark(Description = "the same, through a caller-supplied HttpClient")]
    public async Task<string> SdkOverCallerHttpClient() => (await _sdkOverCallerClient.Customers.GetAsync("cust_92f8a3b1")).CustomerId;

    public sealed record HandWrittenCustomer(string CustomerId, string[] Segments, decimal LifetimeValue, DateTimeOffset? LastInteraction, double? ChurnProbability);
}
