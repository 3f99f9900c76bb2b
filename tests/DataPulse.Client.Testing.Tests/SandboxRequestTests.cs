namespace DataPulse.Client.Testing.Tests;

public sealed class SandboxRequestTests
{
    private const string Key = "dp_test_sk_abcdefghijklmnopqrstuvwxyz1234";

    private static SandboxRequest Request(IReadOnlyDictionary<string, string> headers, string? body = null) => new(
        "GET", "/v1/analytics/kpis", new Dictionary<string, string> { ["period"] = "30d", ["vertical"] = "retail" }, headers, body, 200, "trc_1");

    [Fact]
    public void ToString_PrintsTheQueryAsNameAndValue() =>
        Request(new Dictionary<string, string>()).ToString().Should().Contain("Query = { period: 30d, vertical: retail }");

    [Fact]
    public void ToString_PrintsTheHeadersAsNameAndValue() =>
        Request(new Dictionary<string, string> { ["Accept"] = "application/json" }).ToString().Should().Contain("Headers = { Accept: application/json }");

    [Fact]
    public void ToString_RequestBuiltWithTheKey_PrintsItRedacted() =>
        Request(new Dictionary<string, string> { ["Authorization"] = "Bearer " + Key }).ToString()
            .Should().NotContain(Key).And.Contain("Authorization: Bearer dp_test_sk_[REDACTED]1234");

    [Fact]
    public void ToString_CutsALongBody() =>
        Request(new Dictionary<string, string>(), body: new string('x', 1_000)).ToString().Should().Contain("… (800 more characters)");
}
