using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPulse.Client.Serialization;

/// <summary>
/// Reads any string into an extensible value (an unknown server value is kept as-is, never a failure)
/// and writes it back as the same string.
/// </summary>
internal sealed class ExtensibleValueJsonConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
        }

        var value = reader.GetString();
        return string.IsNullOrEmpty(value) ? default : T.FromWire(value);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
