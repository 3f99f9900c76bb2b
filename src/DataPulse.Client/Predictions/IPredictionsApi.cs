using DataPulse.Client.Configuration;
using DataPulse.Client.Pipeline;
using Refit;

namespace DataPulse.Client.Predictions;

/// <summary>
/// The prediction endpoints: the shape of each request, built by Refit's generated code. The SDK reads every answer. Each
/// operation comes twice: with the call's own options and without (<see cref="CallHandler.RequestOptionsOption"/>).
/// </summary>
internal interface IPredictionsApi
{
    [Post("/v1/predictions")]
    Task<HttpResponseMessage> Predict([Body] HttpContent body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/v1/predictions")]
    Task<HttpResponseMessage> Predict(
        [Body] HttpContent body,
        [Header("Idempotency-Key")] string idempotencyKey,
        [Property(CallHandler.RequestOptionsOption)] CallOptions requestOptions,
        CancellationToken cancellationToken);
}
