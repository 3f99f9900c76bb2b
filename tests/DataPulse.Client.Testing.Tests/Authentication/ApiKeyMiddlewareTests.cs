using System.Net;
using System.Text.Json;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Authentication;

public sealed class ApiKeyMiddlewareTests : SandboxTests
{
    [Fact]
    public async Task MissingKey_Gets401_InTheContractShape()
    {
        using var http = SandboxHttp.Client(Sandbox, apiKey: null);

        using var response = await http.GetAsync("v1/analytics/kpis");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("X-Trace-Id").Should().ContainSingle();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        error.EnumerateObject().Select(p => p.Name).Should().Equal("type", "code", "message", "param", "trace_id");
        error.GetProperty("type").GetString().Should().Be("authentication_error");
        error.GetProperty("param").ValueKind.Should().Be(JsonValueKind.Null);
        error.GetProperty("trace_id").GetString().Should().Be(response.Headers.GetValues("X-Trace-Id").Single());
    }

    [Fact]
    public async Task UnknownKey_ThrowsAuthentication()
    {
        using var client = Sandbox.CreateClient(o => o.ApiKey = "dp_test_sk_" + new string('x', 30));

        var act = () => client.Analytics.GetKpiSummaryAsync();

        (await act.Should().ThrowAsync<DataPulseAuthenticationException>()).Which.ErrorCode.Should().Be("invalid_api_key");
    }

    [Fact]
    public async Task ReadOnlyKey_ReadsButGets403OnPost()
    {
        using var client = Sandbox.CreateClient(o => o.ApiKey = Sandbox.ReadOnlyApiKey);

        await client.Customers.GetAsync("cust_92f8a3b1");
        var act = () => client.Analytics.QueryAsync("SELECT * FROM transactions");

        (await act.Should().ThrowAsync<DataPulsePermissionDeniedException>()).Which.ErrorType.Should().Be("permission_error");
    }

    [Fact]
    public async Task ReadOnlyKey_Gets403OnDelete()
    {
        using var http = Http(Sandbox.ReadOnlyApiKey);

        using var response = await http.DeleteAsync("v1/reports/schedules/sch_0001");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
