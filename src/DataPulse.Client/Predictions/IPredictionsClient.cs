namespace DataPulse.Client.Predictions;

/// <summary>ML predictions. Reach it through <see cref="IDataPulseClient.Predictions"/>.</summary>
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
}
