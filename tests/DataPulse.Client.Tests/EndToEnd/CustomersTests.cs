namespace DataPulse.Client.Tests.EndToEnd;

public sealed class CustomersTests : SandboxTest
{
    [Theory]
    [InlineData("a%2Fb")]
    [InlineData("100%")]
    [InlineData("x?y#z")]
    [InlineData("plus+sign")]
    public async Task GetAsync_ExternalIdWithAnyCharacters_ReachesTheServerAsExactlyThatId(string id)
    {
        using var client = CreateClient();

        var act = () => client.Customers.GetAsync(id);

        var thrown = (await act.Should().ThrowAsync<DataPulseNotFoundException>()).Which;
        thrown.ErrorCode.Should().Be("customer_not_found");
        thrown.Message.Should().Contain($"'{id}'", "the server must look up the id the caller passed, not a re-decoded one");
        Calls().Should().Equal($"GET /v1/customers/{id} 404");
    }
}
