using Refit;

namespace DataPulse.Client.Predictions;

/// <summary>The prediction endpoints, as Refit's generated code calls them.</summary>
internal interface IPredictionsApi
{
    [Post("/v1/predictions")]
    Task<IApiResponse<PredictionResult>> Predict(
        [Body] PredictionBody body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);
}
