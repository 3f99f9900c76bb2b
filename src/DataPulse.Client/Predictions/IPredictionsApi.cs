using Refit;

namespace DataPulse.Client.Predictions;

/// <summary>The prediction endpoints: the shape of each request, built by Refit's generated code. The SDK reads every answer.</summary>
internal interface IPredictionsApi
{
    [Post("/v1/predictions")]
    Task<HttpResponseMessage> Predict([Body] HttpContent body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);
}
