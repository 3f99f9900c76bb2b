using DataPulse.Client.Configuration;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using DataPulse.Client.Pipeline;

namespace DataPulse.Client.Predictions;

internal sealed class PredictionsClient(IPredictionsApi api) : IPredictionsClient
{
    private static readonly string PredictOperation = OperationName.For(typeof(IPredictionsApi), nameof(IPredictionsApi.Predict));

    public Task<PredictionResult> PredictAsync(PredictionRequest request, CancellationToken cancellationToken = default) =>
        PredictAsync(request, null, cancellationToken);

    public async Task<PredictionResult> PredictAsync(PredictionRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        using var body = JsonBody.Create(PredictionRequestValidator.ToBody(request), PredictionsJsonContext.Default.PredictionBody);
        var options = CallOptions.From(requestOptions, sendsPost: true);
        var key = IdempotencyKey.ForCall(request.IdempotencyKey, options?.IdempotencyKey);
        using var response = await ResponseReader.Receive(
            options is null ? api.Predict(body, key, cancellationToken) : api.Predict(body, key, options, cancellationToken), PredictOperation, cancellationToken);
        return ResponseReader.Read(response, PredictionsJsonContext.Default.PredictionResult, PredictOperation);
    }
}
