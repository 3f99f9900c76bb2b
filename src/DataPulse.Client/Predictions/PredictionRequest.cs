using System.Text;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Predictions;

/// <summary>A prediction to run: which model, on which features.</summary>
public sealed record PredictionRequest
{
    /// <summary>The model id, for example <c>churn_v3</c>. Required.</summary>
    public required string ModelId { get; init; }

    /// <summary>
    /// The features, by name. Each value must be a JSON scalar: a string, a number (<see cref="int"/>, <see cref="long"/>,
    /// <see cref="double"/>, <see cref="decimal"/>, …), a <see cref="bool"/> or <see langword="null"/>. At least one.
    /// </summary>
    public required IReadOnlyDictionary<string, object?> Features { get; init; }

    /// <summary>
    /// The <c>Idempotency-Key</c> to send. The client sends a fresh one per call by default, the same on every retry of
    /// that call; set this to make a call you repeat yourself deduplicate on the server. The API's contract asks for a GUID:
    /// 32 hex digits, hyphenated or in braces (<c>Guid.ToString()</c> in the <c>N</c>, <c>D</c> or <c>B</c> format), sent as
    /// given; anything else throws <see cref="ArgumentException"/> and nothing is sent.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Writes the members for <see cref="ToString"/>: the features as <c>{ name: value }</c>, not a type name.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ModelId = ").Append(ModelId)
            .Append(", Features = ").AppendDictionary(Features)
            .Append(", IdempotencyKey = ").Append(IdempotencyKey);
        return true;
    }
}
