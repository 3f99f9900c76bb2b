using System.Net;
using System.Text.Json;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Resources;

public sealed class CustomersRoutesTests : SandboxTests
{
    [Fact]
    public async Task UnknownId_ThrowsNotFound()
    {
        using var client = Sandbox.CreateClient();

        var act = () => client.Customers.GetAsync("cust_missing");

        (await act.Should().ThrowAsync<DataPulseNotFoundException>()).Which.ErrorCode.Should().Be("customer_not_found");
    }

    [Fact]
    public async Task EscapedSlashInTheId_StaysInsideTheSegment()
    {
        using var http = Http();

        using var response = await http.GetAsync("v1/customers/crm%3A42%2Fa%20b");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"customer_id\":\"cust_0d7e4a19\"");
        Sandbox.ReceivedRequests.Single().Path.Should().Be("/v1/customers/crm:42/a b");
    }

    [Fact]
    public async Task EscapedPercentInTheId_IsDecodedOnce()
    {
        using var http = Http();

        using var response = await http.GetAsync("v1/customers/a%252Fb");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("message").GetString().Should().Be("No customer has the id 'a%2Fb'.");
    }
}
