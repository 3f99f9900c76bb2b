using System.Text;
using System.Text.Json.Serialization;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Predictions;

/// <summary>What a model predicted, how sure it is, and why.</summary>
public sealed record PredictionResult : IAnsweredResult
{
    private DataPulseResponseInfo _response = DataPulseResponseInfo.None;

    /// <summary>The predicted outcome, for example <c>churn_likely</c>.</summary>
    public required string Prediction { get; init; }

    /// <summary>The model's confidence, from 0 to 1.</summary>
    public double Confidence { get; init; }

    /// <summary>The main reasons for the prediction, for example <c>declining_engagement</c>.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The version of the model that answered, for example <c>v3.2.1</c>.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>The confidence interval, when the model gives one.</summary>
    public ConfidenceInterval? ConfidenceInterval { get; init; }

    /// <summary>The trace id and rate-limit window of the answer.</summary>
    [JsonIgnore]
    // System.Text.Json 8 (the net8.0 build) sets every init-only property when it reads the record, this ignored one to null; null keeps the default.
    public DataPulseResponseInfo Response { get => _response; init => _response = value ?? DataPulseResponseInfo.None; }

    /// <summary>Writes the members for <see cref="ToString"/>: the reasons as a list, not a type name.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Prediction = ").Append(Prediction)
            .Append(", Confidence = ").Append(Confidence)
            .Append(", Reasons = ").AppendList(Reasons)
            .Append(", ModelVersion = ").Append(ModelVersion)
            .Append(", ConfidenceInterval = ").Append(ConfidenceInterval)
            .Append(", Response = ").Append(Response);
        return true;
    }

    void IAnsweredResult.SetResponse(DataPulseResponseInfo response) => _response = response;
}
