using System.Text;
using System.Text.Json;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Tests.Internal;

public sealed class PrintingTests
{
    [Fact]
    public void AppendList_WritesTheItemsInBrackets() =>
        new StringBuilder().AppendList(["high_value", "early_adopter"]).ToString().Should().Be("[high_value, early_adopter]");

    [Fact]
    public void AppendList_Empty_IsEmptyBrackets() =>
        new StringBuilder().AppendList(Array.Empty<string>()).ToString().Should().Be("[]");

    [Fact]
    public void AppendList_Null_IsNull() =>
        new StringBuilder().AppendList<string>(null).ToString().Should().Be("null");

    [Fact]
    public void AppendList_OverTenItems_WritesTenAndCountsTheRest() =>
        new StringBuilder().AppendList(Enumerable.Range(1, 25)).ToString().Should().Be("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … (15 more)]");

    [Fact]
    public void AppendList_ListsInside_AreWrittenAsLists() =>
        new StringBuilder().AppendList(new[] { new[] { "EMEA", "1" }, new[] { "NA", null } }).ToString().Should().Be("[[EMEA, 1], [NA, null]]");

    [Fact]
    public void AppendDictionary_WritesKeyColonValue() =>
        new StringBuilder().AppendDictionary(new Dictionary<string, object?> { ["tenure_months"] = 14, ["plan"] = "pro", ["is_annual"] = null })
            .ToString().Should().Be("{ tenure_months: 14, plan: pro, is_annual: null }");

    [Fact]
    public void AppendDictionary_Empty_IsEmptyBraces() =>
        new StringBuilder().AppendDictionary(new Dictionary<string, string>()).ToString().Should().Be("{}");

    [Fact]
    public void AppendDictionary_OverTenEntries_WritesTenAndCountsTheRest() =>
        new StringBuilder().AppendDictionary(Enumerable.Range(1, 12).ToDictionary(i => $"k{i}", i => i)).ToString()
            .Should().Be("{ k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k10: 10, … (2 more) }");

    [Fact]
    public void AppendDictionary_JsonValues_AreWrittenAsJsonWithStringsUnquoted()
    {
        using var document = JsonDocument.Parse("""{ "tier": "gold", "visits": 42, "tags": ["a", "b"] }""");

        new StringBuilder().AppendDictionary(document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value))).ToString()
            .Should().Be("""{ tier: gold, visits: 42, tags: ["a", "b"] }""");
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("proxy-authorization")]
    [InlineData("Set-Cookie")]
    [InlineData("Cookie")]
    [InlineData("X-Api-Key")]
    public void AppendHeaders_CredentialHeader_IsRedacted(string name) =>
        new StringBuilder().AppendHeaders(new Dictionary<string, IReadOnlyList<string>> { [name] = ["Bearer dp_live_sk_abcdefghijklmnopqrstuvwxyz1234"] })
            .ToString().Should().Be($"{{ {name}: (redacted) }}");

    [Fact]
    public void AppendHeaders_OneValue_IsWrittenAsItIs_SeveralAsAList() =>
        new StringBuilder().AppendHeaders(new Dictionary<string, IReadOnlyList<string>> { ["X-Trace-Id"] = ["trc_1"], ["Vary"] = ["Accept", "Origin"] })
            .ToString().Should().Be("{ X-Trace-Id: trc_1, Vary: [Accept, Origin] }");

    [Fact]
    public void AppendText_Long_IsCutAndTheRestCounted() =>
        new StringBuilder().AppendText(new string('x', 250)).ToString().Should().Be(new string('x', 200) + "… (50 more characters)");

    [Fact]
    public void AppendText_Short_IsWrittenWhole() =>
        new StringBuilder().AppendText("<html>502</html>").ToString().Should().Be("<html>502</html>");
}
