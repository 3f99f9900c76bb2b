using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.Tests.Telemetry;

public sealed class BodyLoggingTests : IDisposable, IClassFixture<ApiServer>
{
    private const string Sql = "SELECT email FROM customers WHERE name = 'Ada Lovelace'";

    private readonly ApiServer _api;
    private readonly LogCapture _logs = new();

    public BodyLoggingTests(ApiServer api) => _api = api.Reset();

    public void Dispose()
    {
        _logs.Dispose();
    }

    private DataPulseClient CreateClient(bool logBodies) => _api.CreateClient(options =>
    {
        options.LoggerFactory = _logs.Factory;
        options.LogBodies = logBodies;
    });

    [Fact]
    public async Task ByDefault_NeitherRequestNorResponseBodyIsLogged()
    {
        CannedResponses.Query(_api.Server);
        using var client = CreateClient(logBodies: false);

        await client.Analytics.QueryAsync(Sql);

        _logs.AllText().Should().NotContain("Ada Lovelace").And.NotContain("qry_5c1e9a").And.NotContain("EMEA");
        _logs.Records.Should().NotContain(r => r.Id.Name == "Body");
    }

    [Fact]
    public async Task ByDefault_ErrorBodyIsNotLogged()
    {
        CannedResponses.Error(_api.Server, CannedResponses.QueryPath, 400, "invalid_request_error", "invalid_query", "Unknown column in: Ada Lovelace", post: true);
        using var client = CreateClient(logBodies: false);

        var act = () => client.Analytics.QueryAsync(Sql);

        await act.Should().ThrowAsync<DataPulseBadRequestException>();
        _logs.Records.Should().NotContain(r => r.Id.Name == "Body");
    }

    [Fact]
    public async Task OptedIn_RequestAndResponseBodiesAreLoggedAtDebug()
    {
        CannedResponses.Query(_api.Server);
        using var client = CreateClient(logBodies: true);

        var result = await client.Analytics.QueryAsync(Sql);

        result.Meta.QueryId.Should().Be("qry_5c1e9a");
        var bodies = _logs.Records.Where(r => r.Id.Name == "Body").ToList();
        bodies.Should().OnlyContain(r => r.Level == LogLevel.Debug);
        bodies.Should().Contain(r => r.GetStructuredStateValue("Direction") == "request" && r.GetStructuredStateValue("Body")!.Contains("Ada Lovelace"));
        bodies.Should().Contain(r => r.GetStructuredStateValue("Direction") == "response" && r.GetStructuredStateValue("Body")!.Contains("qry_5c1e9a"));
    }

    [Fact]
    public async Task OptedIn_ErrorBodyIsLogged()
    {
        CannedResponses.Error(_api.Server, CannedResponses.QueryPath, 400, "invalid_request_error", "invalid_query", "Unknown column near line 1", post: true);
        using var client = CreateClient(logBodies: true);

        var act = () => client.Analytics.QueryAsync(Sql);

        await act.Should().ThrowAsync<DataPulseBadRequestException>();
        _logs.Records.Should().Contain(r => r.Id.Name == "Body"
            && r.GetStructuredStateValue("Direction") == "response"
            && r.GetStructuredStateValue("Body")!.Contains("Unknown column near line 1"));
    }

    [Fact]
    public async Task OptedIn_LongBodyIsCappedAtMaxLoggedBodyLength()
    {
        var rows = string.Join(",", Enumerable.Range(0, 2000).Select(i => $"[\"region-{i}\"]"));
        CannedResponses.Query(_api.Server, CannedResponses.QueryJson.Replace("[ [\"EMEA\"] ]", $"[ {rows} ]", StringComparison.Ordinal));
        using var client = CreateClient(logBodies: true);

        var result = await client.Analytics.QueryAsync(Sql);

        result.Rows.Should().HaveCount(2000);
        var response = _logs.Records.Single(r => r.Id.Name == "Body" && r.GetStructuredStateValue("Direction") == "response");
        response.GetStructuredStateValue("Body")!.Length.Should().Be(DataPulseClientOptions.MaxLoggedBodyLength);
        int.Parse(response.GetStructuredStateValue("Length")!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeGreaterThan(DataPulseClientOptions.MaxLoggedBodyLength);
    }
}
