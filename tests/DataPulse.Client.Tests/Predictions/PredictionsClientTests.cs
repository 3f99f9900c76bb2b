using System.Collections;
using DataPulse.Client.Predictions;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Predictions;

public sealed class PredictionsClientTests : IClassFixture<ApiServer>
{
    private const string Path = "/v1/predictions";
    private readonly ApiServer _api;

    public PredictionsClientTests(ApiServer api)
    {
        _api = api.Reset();
        _api.StubJson("POST", Path, ContractExamples.Prediction);
    }


    private static PredictionRequest ContractRequest(string? idempotencyKey = null) => new()
    {
        ModelId = "churn_v3",
        Features = new Dictionary<string, object?>
        {
            ["tenure_months"] = 14,
            ["plan"] = "pro",
            ["support_tickets_30d"] = 5,
            ["is_annual"] = false,
        },
        IdempotencyKey = idempotencyKey,
    };

    [Fact]
    public async Task PredictAsync_ContractRequest_PostsSnakeCaseBody()
    {
        using var client = _api.CreateClient();

        await client.Predictions.PredictAsync(ContractRequest());

        SentRequest.Of(_api.SingleRequest())
            .HasMethod("POST")
            .HasPath(Path)
            .HasNoQuery()
            .HasBearer(ApiServer.ApiKey)
            .HasUserAgent()
            .AcceptsJson()
            .HasJsonBody("""
                { "model_id": "churn_v3", "features": { "tenure_months": 14, "plan": "pro", "support_tickets_30d": 5, "is_annual": false } }
                """);
    }

    [Fact]
    public async Task PredictAsync_EveryScalarKind_IsSentAsItsJsonScalar()
    {
        using var client = _api.CreateClient();

        await client.Predictions.PredictAsync(new PredictionRequest
        {
            ModelId = "m",
            Features = new Dictionary<string, object?>
            {
                ["long"] = 9007199254740993L,
                ["decimal"] = 12.50m,
                ["double"] = 0.25,
                ["float"] = 1.5f,
                ["byte"] = (byte)7,
                ["ulong"] = ulong.MaxValue,
                ["text"] = "x",
                ["flag"] = true,
                ["missing"] = null,
            },
        });

        SentRequest.Of(_api.SingleRequest()).HasJsonBody("""
            { "model_id": "m", "features": { "long": 9007199254740993, "decimal": 12.50, "double": 0.25, "float": 1.5, "byte": 7,
                                             "ulong": 18446744073709551615, "text": "x", "flag": true, "missing": null } }
            """);
    }

    [Fact]
    public async Task PredictAsync_EachCall_SendsAFreshGuidIdempotencyKey()
    {
        using var client = _api.CreateClient();

        await client.Predictions.PredictAsync(ContractRequest());
        await client.Predictions.PredictAsync(ContractRequest());

        var keys = _api.Requests.Select(r => SentRequest.Of(r).IdempotencyKey()).ToList();
        keys.Should().OnlyHaveUniqueItems().And.AllSatisfy(k => Guid.TryParse(k, out _).Should().BeTrue());
    }

    [Fact]
    public async Task PredictAsync_CallerIdempotencyKey_IsSentAsGiven()
    {
        using var client = _api.CreateClient();

        await client.Predictions.PredictAsync(ContractRequest("{7c1e9a2b-4d3f-4b8e-a5c6-0f1e2d3c4b5a}"));

        SentRequest.Of(_api.SingleRequest()).IdempotencyKey().Should().Be("{7c1e9a2b-4d3f-4b8e-a5c6-0f1e2d3c4b5a}");
    }

    [Fact]
    public async Task PredictAsync_ContractExample_MapsEveryField()
    {
        using var client = _api.CreateClient();

        var prediction = await client.Predictions.PredictAsync(ContractRequest());

        prediction.Prediction.Should().Be("churn_likely");
        prediction.Confidence.Should().Be(0.87);
        prediction.Reasons.Should().Equal("declining_engagement", "support_ticket_spike");
        prediction.ModelVersion.Should().Be("v3.2.1");
        prediction.ConfidenceInterval.Should().Be(new ConfidenceInterval { Lower = 0.81, Upper = 0.93 });
        prediction.Response.TraceId.Should().Be(ApiServerExtensions.TraceId);
        prediction.Response.RateLimit.Limit.Should().Be(ApiServerExtensions.RateLimitLimit);
    }

    [Fact]
    public async Task PredictAsync_NoConfidenceInterval_LeavesItNull()
    {
        using var api = new ApiServer();
        api.StubJson("POST", Path, ContractExamples.PredictionWithoutInterval);
        using var client = api.CreateClient();

        var prediction = await client.Predictions.PredictAsync(ContractRequest());

        prediction.ConfidenceInterval.Should().BeNull();
        prediction.Prediction.Should().Be("churn_likely");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task PredictAsync_EmptyModelId_ThrowsAndSendsNothing(string modelId)
    {
        using var client = _api.CreateClient();

        var act = () => client.Predictions.PredictAsync(ContractRequest() with { ModelId = modelId });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*ModelId*");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task PredictAsync_NoFeatures_ThrowsAndSendsNothing()
    {
        using var client = _api.CreateClient();

        var act = () => client.Predictions.PredictAsync(ContractRequest() with { Features = new Dictionary<string, object?>() });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*Features*");
        _api.ShouldHaveReceivedNothing();
    }

    public static TheoryData<string, object> NonScalars => new()
    {
        { "object", new { nested = 1 } },
        { "array", new[] { 1, 2 } },
        { "list", new List<string> { "a" } },
        { "dictionary", new Dictionary<string, object> { ["a"] = 1 } },
        { "DateTime", new DateTime(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc) },
        { "ArrayList", new ArrayList() },
    };

    [Theory]
    [MemberData(nameof(NonScalars))]
    public async Task PredictAsync_NonScalarFeature_ThrowsNamingItAndSendsNothing(string kind, object value)
    {
        using var client = _api.CreateClient();
        var features = new Dictionary<string, object?> { ["tenure_months"] = 14, ["bad_feature"] = value };

        var act = () => client.Predictions.PredictAsync(ContractRequest() with { Features = features });

        (await act.Should().ThrowAsync<ArgumentException>($"a {kind} is not a JSON scalar")).WithMessage("*'bad_feature'*scalar*");
        _api.ShouldHaveReceivedNothing();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public async Task PredictAsync_NonFiniteFeature_ThrowsNamingItAndSendsNothing(double value)
    {
        using var client = _api.CreateClient();
        var features = new Dictionary<string, object?> { ["score"] = value };

        var act = () => client.Predictions.PredictAsync(ContractRequest() with { Features = features });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*'score'*finite*");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task PredictAsync_NaNFloatFeature_ThrowsAndSendsNothing()
    {
        using var client = _api.CreateClient();
        var features = new Dictionary<string, object?> { ["score"] = float.NaN };

        var act = () => client.Predictions.PredictAsync(ContractRequest() with { Features = features });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*'score'*");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task PredictAsync_UnknownModel_ThrowsNotFound()
    {
        using var api = new ApiServer();
        api.StubJson("POST", Path, ContractExamples.Error("not_found_error", "model_not_found", "No model churn_v9."), 404);
        using var client = api.CreateClient(o => o.MaxRetries = 0);

        var act = () => client.Predictions.PredictAsync(ContractRequest() with { ModelId = "churn_v9" });

        (await act.Should().ThrowAsync<DataPulseNotFoundException>()).Which.Operation.Should().Be("Predictions.Predict");
    }
}
