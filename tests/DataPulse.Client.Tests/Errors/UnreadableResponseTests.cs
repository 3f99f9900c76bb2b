using System.Text.Json;
using DataPulse.Client.Analytics;
using DataPulse.Client.Predictions;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Errors;

/// <summary>A 200 whose body cannot be read becomes a <see cref="DataPulseException"/> naming the operation, never a raw JsonException.</summary>
public sealed class UnreadableResponseTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public UnreadableResponseTests(ApiServer api) => _api = api.Reset();

    public static TheoryData<string> BadBodies => new()
    {
        "{ not json",
        "<html>hello</html>",
        "[1, 2, 3]",
        "{ \"data\": \"text\" }",
        "{ \"data\": { \"revenue\": \"lots\" } }",
        "{ \"data\": { \"churn_risk\": 42 } }",
        "{}",
        "null",
        "",
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task GetKpiSummaryAsync_UnreadableBody_ThrowsDataPulseExceptionNamingOperation(string body)
    {
        _api.StubRaw("GET", "/v1/analytics/kpis", 200, body, "application/json");
        using var client = _api.CreateClient();

        var act = () => client.Analytics.GetKpiSummaryAsync();

        await ShouldBeUnreadableAsync(act, "Analytics.GetKpiSummary");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("<html>hello</html>")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{ \"data\": \"text\" }")]
    [InlineData("{ \"data\": { \"columns\": \"region\" } }")]
    [InlineData("{ \"meta\": { \"row_count\": 0 } }")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("")]
    public async Task QueryAsync_UnreadableBody_ThrowsDataPulseExceptionNamingOperation(string body)
    {
        _api.StubRaw("POST", "/v1/analytics/query", 200, body, "application/json");
        using var client = _api.CreateClient();

        var act = () => client.Analytics.QueryAsync("SELECT 1");

        await ShouldBeUnreadableAsync(act, "Analytics.Query");
    }

    [Theory]
    [InlineData("{ \"data\": { \"columns\": [ { \"name\": \"a\", \"type\": \"string\" } ], \"rows\": { \"a\": 1 } } }")]
    [InlineData("{ \"data\": { \"columns\": [ { \"name\": \"a\", \"type\": \"string\" } ], \"rows\": [ 1, 2 ] } }")]
    [InlineData("{ \"data\": { \"columns\": [ { \"type\": \"string\" } ], \"rows\": [] } }")]
    public async Task QueryAsync_WrongRowShape_ThrowsDataPulseExceptionNamingOperation(string body)
    {
        _api.StubRaw("POST", "/v1/analytics/query", 200, body, "application/json");
        using var client = _api.CreateClient();

        var act = () => client.Analytics.QueryAsync("SELECT 1");

        await ShouldBeUnreadableAsync(act, "Analytics.Query");
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    [InlineData("{ \"segments\": [] }")]
    public async Task CustomersGetAsync_UnreadableBody_ThrowsDataPulseExceptionNamingOperation(string body)
    {
        _api.StubRaw("GET", "/v1/customers/cust_1", 200, body, "application/json");
        using var client = _api.CreateClient();

        var act = () => client.Customers.GetAsync("cust_1");

        await ShouldBeUnreadableAsync(act, "Customers.Get");
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    [InlineData("{ \"confidence\": 0.5 }")]
    public async Task PredictAsync_UnreadableBody_ThrowsDataPulseExceptionNamingOperation(string body)
    {
        _api.StubRaw("POST", "/v1/predictions", 200, body, "application/json");
        using var client = _api.CreateClient();

        var act = () => client.Predictions.PredictAsync(new PredictionRequest { ModelId = "m", Features = new Dictionary<string, object?> { ["a"] = 1 } });

        await ShouldBeUnreadableAsync(act, "Predictions.Predict");
    }

    private static async Task ShouldBeUnreadableAsync(Func<Task> act, string operation)
    {
        var thrown = (await act.Should().ThrowExactlyAsync<DataPulseException>()).Which;
        thrown.Operation.Should().Be(operation);
        thrown.Message.Should().Contain(operation);
        thrown.Should().NotBeAssignableTo<JsonException>();
    }

    [Fact]
    public async Task UnknownColumnTypeAndExtraFields_AreNotUnreadable()
    {
        _api.StubJson("POST", "/v1/analytics/query", """
            { "data": { "columns": [ { "name": "where", "type": "geo", "srid": 4326 } ], "rows": [ ["POINT(0 0)"] ], "cursor": "c1" },
              "meta": { "query_id": "q", "row_count": 1, "truncated": false, "execution_time_ms": 1, "generated_at": "2025-01-15T08:30:00Z", "region": "eu" } }
            """);
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync("SELECT 1");

        result.Columns.Should().ContainSingle().Which.Type.Should().Be(new QueryColumnType("geo"));
    }
}
