using System.Globalization;
using System.Text.Json;

namespace DataPulse.Client.Predictions;

/// <summary>Turns feature values into JSON scalars, refusing anything else before a request is sent.</summary>
internal static class FeatureValues
{
    public static Dictionary<string, JsonElement> ToJson(IReadOnlyDictionary<string, object?> features, string paramName)
    {
        var context = PredictionsJsonContext.Default;
        var result = new Dictionary<string, JsonElement>(features.Count, StringComparer.Ordinal);
        foreach (var (name, value) in features)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Feature names must not be empty or white space.", paramName);
            }

            result[name] = value switch
            {
                null => JsonSerializer.SerializeToElement(default(JsonElement?), context.NullableJsonElement),
                string s => JsonSerializer.SerializeToElement(s, context.String),
                bool b => JsonSerializer.SerializeToElement(b, context.Boolean),
                byte or sbyte or short or ushort or int or uint or long => JsonSerializer.SerializeToElement(Convert.ToInt64(value, CultureInfo.InvariantCulture), context.Int64),
                ulong u => JsonSerializer.SerializeToElement(u, context.UInt64),
                decimal m => JsonSerializer.SerializeToElement(m, context.Decimal),
                float f when float.IsFinite(f) => JsonSerializer.SerializeToElement((double)f, context.Double),
                double d when double.IsFinite(d) => JsonSerializer.SerializeToElement(d, context.Double),
                float or double => throw new ArgumentException($"Feature '{name}' is {value}, which JSON cannot carry; use a finite number.", paramName),
                _ => throw new ArgumentException(
                    $"Feature '{name}' is a {value.GetType().Name}; feature values must be JSON scalars: a string, a number, a bool or null.", paramName),
            };
        }

        return result;
    }
}
