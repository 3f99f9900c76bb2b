using DataPulse.Client.Predictions;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Resources;

public sealed class PredictionsRoutesTests : SandboxTests
{
    [Fact]
    public async Task UnknownModel_ThrowsNotFound()
    {
        using var client = Sandbox.CreateClient();

        var act = () => client.Predictions.PredictAsync(new PredictionRequest
        {
            ModelId = "nope_v1",
            Features = new Dictionary<string, object?> { ["x"] = 1 },
        });

        (await act.Should().ThrowAsync<DataPulseNotFoundException>()).Which.ErrorCode.Should().Be("model_not_found");
    }
}
