using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Customers;

/// <summary>A customer's profile. Fields this version of the SDK does not name stay reachable in <see cref="AdditionalFields"/>.</summary>
public sealed record CustomerProfile : IAnsweredResult
{
    private DataPulseResponseInfo _response = DataPulseResponseInfo.None;

    private static readonly IReadOnlyDictionary<string, JsonElement> NoFields = new Dictionary<string, JsonElement>();

    /// <summary>The DataPulse customer id, for example <c>cust_92f8a3b1</c>.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The segments the customer belongs to, for example <c>high_value</c>.</summary>
    public IReadOnlyList<string> Segments { get; init; } = [];

    /// <summary>The customer's lifetime value, exact.</summary>
    public decimal LifetimeValue { get; init; }

    /// <summary>When the customer last interacted, if ever.</summary>
    public DateTimeOffset? LastInteraction { get; init; }

    /// <summary>How likely the customer is to leave, from 0 to 1.</summary>
    public double? ChurnProbability { get; init; }

    /// <summary>Every field of the profile that the properties above do not cover, as raw JSON, by its wire name.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> AdditionalFields
    {
        get => ExtensionData ?? NoFields;
        init => ExtensionData = value is null ? null : new Dictionary<string, JsonElement>(value);
    }

    /// <summary>The trace id and rate-limit window of the answer.</summary>
    [JsonIgnore]
    // System.Text.Json 8 (the net8.0 build) sets every init-only property when it reads the record, this ignored one to null; null keeps the default.
    public DataPulseResponseInfo Response { get => _response; init => _response = value ?? DataPulseResponseInfo.None; }

    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Writes the members for <see cref="ToString"/>: the segments and additional fields as lists, not type names.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("CustomerId = ").Append(CustomerId)
            .Append(", Segments = ").AppendList(Segments)
            .Append(", LifetimeValue = ").Append(LifetimeValue)
            .Append(", LastInteraction = ").Append(LastInteraction)
            .Append(", ChurnProbability = ").Append(ChurnProbability)
            .Append(", AdditionalFields = ").AppendDictionary(AdditionalFields)
            .Append(", Response = ").Append(Response);
        return true;
    }

    void IAnsweredResult.SetResponse(DataPulseResponseInfo response) => _response = response;
}
