using System.Text.Json.Serialization;

namespace DataPulse.Client.Customers;

/// <summary>The source-generated JSON contract of the customers wire models: snake_case names, nulls left out when writing, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(CustomerProfile))]
internal sealed partial class CustomersJsonContext : JsonSerializerContext;
