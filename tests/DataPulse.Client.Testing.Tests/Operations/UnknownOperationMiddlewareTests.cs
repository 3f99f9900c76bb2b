using System.Net;
using System.Text.Json;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Operations;

public sealed class UnknownOperationMiddlewareTests : SandboxTests
{
    [Fact]
    public async Task UnknownPath_Gets404RouteNotFound_InTheContractShape()
    {
        using var http = Http();

        using var response = await http.GetAsync("v1/nothing/here");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorCodeAsync(response)).Should().Be("route_not_found");
    }

    [Fact]
    public async Task KnownPathWithAnotherMethod_Gets405MethodNotAllowed()
    {
        using var http = Http();

        using var response = await http.DeleteAsync("v1/analytics/kpis");

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await ErrorCodeAsync(response)).Should().Be("method_not_allowed");
    }

    [Fact]
    public async Task UnknownPathWithoutAKey_Gets401First()
    {
        using var http = SandboxHttp.Client(Sandbox, apiKey: null);

        using var response = await http.GetAsync("v1/nothing/here");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}
