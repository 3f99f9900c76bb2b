using System.Text.Json;
using DataPulse.Client.Customers;

namespace DataPulse.Client.Tests.Customers;

public sealed class CustomerProfileTests
{
    [Fact]
    public void ToString_PrintsTheSegments() =>
        new CustomerProfile { CustomerId = "cust_92f8a3b1", Segments = ["high_value", "early_adopter"] }.ToString()
            .Should().Contain("Segments = [high_value, early_adopter]");

    [Fact]
    public void ToString_PrintsTheAdditionalFieldsByWireName()
    {
        using var document = JsonDocument.Parse("""{ "engagement_score": 87, "tier": "gold" }""");
        var profile = new CustomerProfile
        {
            CustomerId = "cust_92f8a3b1",
            AdditionalFields = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };

        profile.ToString().Should().Contain("AdditionalFields = { engagement_score: 87, tier: gold }");
    }
}
