using System.Collections;
using System.Text;
using System.Text.Json;

namespace DataPulse.Client.Internal;

/// <summary>
/// How a result's <c>ToString()</c> writes what a record would otherwise print as a type name: lists as
/// <c>[high_value, early_adopter]</c>, dictionaries as <c>{ plan: pro, tenure_months: 14 }</c>, each cut after
/// <see cref="MaxItems"/> items with <c>… (N more)</c>, long text cut after <see cref="MaxTextLength"/> characters, and
/// credential headers (<c>Authorization</c>, cookies) never written. The one helper every record's <c>PrintMembers</c> uses.
/// </summary>
internal static class Printing
{
    /// <summary>The most items of one list or dictionary written; the rest are counted.</summary>
    public const int MaxItems = 10;

    /// <summary>The most characters of one text (a response body) written; the rest are counted.</summary>
    public const int MaxTextLength = 200;

    /// <summary>What a credential header's value is written as.</summary>
    public const string Redacted = "(redacted)";

    /// <summary>Appends <paramref name="items"/> as <c>[a, b, … (N more)]</c>; <c>null</c> when there is no list.</summary>
    public static StringBuilder AppendList<T>(this StringBuilder builder, IEnumerable<T>? items)
    {
        if (items is null)
        {
            return builder.Append("null");
        }

        builder.Append('[');
        var count = 0;
        foreach (var item in items)
        {
            if (count < MaxItems)
            {
                builder.Append(count == 0 ? string.Empty : ", ");
                AppendValue(builder, item);
            }

            count++;
        }

        return More(builder, count).Append(']');
    }

    /// <summary>Appends <paramref name="entries"/> as <c>{ key: value, … (N more) }</c>, or <c>{ }</c> when empty.</summary>
    public static StringBuilder AppendDictionary<TValue>(this StringBuilder builder, IEnumerable<KeyValuePair<string, TValue>>? entries) =>
        AppendEntries(builder, entries, headers: false);

    /// <summary>Appends headers as <see cref="AppendDictionary{TValue}"/> does, with every credential header's value <see cref="Redacted"/>.</summary>
    public static StringBuilder AppendHeaders<TValue>(this StringBuilder builder, IEnumerable<KeyValuePair<string, TValue>>? headers) =>
        AppendEntries(builder, headers, headers: true);

    /// <summary>Appends <paramref name="text"/>, cut after <see cref="MaxTextLength"/> characters with <c>… (N more characters)</c>.</summary>
    public static StringBuilder AppendText(this StringBuilder builder, string? text)
    {
        if (text is null || text.Length <= MaxTextLength)
        {
            return builder.Append(text);
        }

        return builder.Append(text.AsSpan(0, MaxTextLength)).Append("… (").Append(text.Length - MaxTextLength).Append(" more characters)");
    }

    /// <summary>Whether a header carries a credential: its value is never printed.</summary>
    public static bool IsCredentialHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Api-Key", StringComparison.OrdinalIgnoreCase);

    private static StringBuilder AppendEntries<TValue>(StringBuilder builder, IEnumerable<KeyValuePair<string, TValue>>? entries, bool headers)
    {
        if (entries is null)
        {
            return builder.Append("null");
        }

        builder.Append('{');
        var count = 0;
        foreach (var (key, value) in entries)
        {
            if (count < MaxItems)
            {
                builder.Append(count == 0 ? " " : ", ").Append(key).Append(": ");
                if (headers && IsCredentialHeader(key))
                {
                    builder.Append(Redacted);
                }
                else if (headers && value is IReadOnlyList<string> { Count: 1 } single)
                {
                    // Most headers have one value: written as it is, not as a list of one.
                    builder.AppendText(single[0]);
                }
                else
                {
                    AppendValue(builder, value);
                }
            }

            count++;
        }

        return More(builder, count).Append(count == 0 ? "}" : " }");
    }

    private static void AppendValue<T>(StringBuilder builder, T value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                builder.AppendText(text);
                break;
            case JsonElement json:
                builder.AppendText(json.ValueKind switch
                {
                    JsonValueKind.Undefined => "undefined",
                    JsonValueKind.String => json.GetString(),
                    _ => json.GetRawText(),
                });
                break;
            // A header's values, a list inside a list: written the same way, one level in.
            case IEnumerable inner:
                builder.AppendList(inner.Cast<object?>());
                break;
            default:
                builder.Append(value.ToString());
                break;
        }
    }

    private static StringBuilder More(StringBuilder builder, int count) =>
        count > MaxItems ? builder.Append(", … (").Append(count - MaxItems).Append(" more)") : builder;
}
