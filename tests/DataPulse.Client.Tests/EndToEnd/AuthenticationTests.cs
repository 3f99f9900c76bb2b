using System.Net;
using DataPulse.Client.Predictions;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.EndToEnd;

/// <summary>End to end: one key across resources, reads allowed and writes refused, and a wrong key refused, against the real sandbox.</summary>
public sealed class AuthenticationTests
{
    // Well formed, so the SDK sends it, but not a key this sandbox knows.
    private const string WrongKey = "dp_test_sk_Wr0ngKeyWr0ngKeyWr0ngKeyWr0ngK";

    private static readonly PredictionRequest Prediction = new()
    {
        ModelId = "churn_v3",
        Features = new Dictionary<string, object?> { ["tenure_months"] = 3 },
    };

    [Fact]
    public async Task ReadOnlyKey_ReadsButAPostThrowsPermissionDeniedWithoutRevealingTheKey()
    {
        await using var session = new SandboxSession();
        using var client = session.CreateClient(o => o.ApiKey = session.Sandbox.ReadOnlyApiKey);

        var customer = await client.Customers.GetAsync("cust_92f8a3b1");
        var act = () => client.Predictions.PredictAsync(Prediction);

        customer.CustomerId.Should().Be("cust_92f8a3b1");
        var thrown = (await act.Should().ThrowAsync<DataPulsePermissionDeniedException>()).Which;
        thrown.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        thrown.ErrorType.Should().Be("permission_error");
        thrown.ShouldNotReveal(session.Sandbox.ReadOnlyApiKey);
        session.Calls().Should().Equal("GET /v1/customers/cust_92f8a3b1 200", "POST /v1/predictions 403");
    }

    [Fact]
    public async Task WrongKey_ThrowsAuthenticationWithoutRevealingTheKey()
    {
        await using var session = new SandboxSession();
        using var client = session.CreateClient(o => o.ApiKey = WrongKey);

        var act = () => client.Analytics.GetKpiSummaryAsync();

        var thrown = (await act.Should().ThrowAsync<DataPulseAuthenticationException>()).Which;
        thrown.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        thrown.ErrorCode.Should().Be("invalid_api_key");
        thrown.ShouldNotReveal(WrongKey);
        session.Calls().Should().Equal("GET /v1/analytics/kpis 401");
    }
}
