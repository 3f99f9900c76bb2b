using DataPulse.Client.Internal;

namespace DataPulse.Client.Predictions;

internal sealed class PredictionsClient(IPredictionsApi api) : IPredictionsClient
{
    public async Task<PredictionResult> PredictAsync(PredictionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ModelId))
        {
            throw new ArgumentException("ModelId is required, for example \"churn_v3\".", nameof(request));
        }

        if (request.Features is null || request.Features.Count == 0)
        {
            throw new ArgumentException("Features must hold at least one feature.", nameof(request));
        }

        var body = new PredictionBody(request.ModelId, FeatureValues.ToJson(request.Features, nameof(request)));
        var key = IdempotencyKey.For(request.IdempotencyKey);
        var (result, info) = await ApiCall.SendAsync(
            api, "Predictions.Predict", (a, ct) => a.Predict(body, key, ct), cancellationToken).ConfigureAwait(false);
        return result with { Response = info };
    }
}
