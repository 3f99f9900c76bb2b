namespace DataPulse.Client.Predictions;

/// <summary>
/// ML predictions. Reach it through <see cref="IDataPulseClient.Predictions"/>. Every operation has an overload that takes
/// <see cref="DataPulseRequestOptions"/> for that call alone (a deadline, retries, an idempotency key, headers).
/// </summary>
public interface IPredictionsClient
{
    /// <summary>Runs a prediction (<c>POST /v1/predictions</c>).</summary>
    /// <param name="request">The model and its features.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The prediction, its confidence and reasons.</returns>
    /// <exception cref="ArgumentException">The model id is empty, there are no features, a feature value is not a JSON scalar, or the <c>IdempotencyKey</c> is not a GUID; nothing is sent.</exception>
    /// <exception cref="DataPulseNotFoundException">No model has that id.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<PredictionResult> PredictAsync(PredictionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Runs a prediction (<c>POST /v1/predictions</c>) with settings for this call alone.</summary>
    /// <param name="request">The model and its features.</param>
    /// <param name="requestOptions">This call's deadline, retries, idempotency key and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The prediction, its confidence and reasons.</returns>
    /// <exception cref="ArgumentException">The request is invalid, an <c>IdempotencyKey</c> is not a GUID or two different ones
    /// are set, or <paramref name="requestOptions"/> is invalid (the message names every problem); nothing is sent.</exception>
    /// <exception cref="DataPulseNotFoundException">No model has that id.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<PredictionResult> PredictAsync(PredictionRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        PredictAsync(request, cancellationToken);
}
