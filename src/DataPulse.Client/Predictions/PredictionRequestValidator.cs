namespace DataPulse.Client.Predictions;

/// <summary>The client-side checks on a prediction, before anything is sent: a model, and features that JSON can carry.</summary>
internal static class PredictionRequestValidator
{
    /// <summary>Checks the request and returns the wire body, its feature values already JSON scalars.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A member is invalid; the message names it.</exception>
    public static PredictionBody ToBody(PredictionRequest request)
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

        return new PredictionBody(request.ModelId, FeatureValues.ToJson(request.Features, nameof(request)));
    }
}
