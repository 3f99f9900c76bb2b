using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPulse.Client.Analytics;

namespace DataPulse.Client.Tests.Analytics;

/// <summary>The short paths for plain timestamps and dates give exactly what the general parsers give, or defer to them.</summary>
public sealed class QueryCellTextTests
{
    private static readonly int[] Years = [0, 1, 1999, 2000, 2024, 2025, 9999];
    private static readonly int[] Days = [0, 1, 28, 29, 30, 31, 32];

    [Fact]
    public void TryGetDateTimeOffset_EveryNearlyPlainTimestamp_AsUtf8JsonReader()
    {
        var checkedCount = 0;
        foreach (var year in Years)
        {
            for (var month = 0; month <= 13; month++)
            {
                foreach (var day in Days)
                {
                    foreach (var time in new[] { "00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "9:00:00" })
                    {
                        foreach (var fraction in new[] { "", ".5", ".1234567", ".12345678", "." })
                        {
                            foreach (var zone in new[] { "Z", "z", "+00:00", "" })
                            {
                                var text = string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}T{time}{fraction}{zone}");
                                var quoted = Encoding.UTF8.GetBytes($"\"{text}\"");
                                var reader = new Utf8JsonReader(quoted);
                                reader.Read();
                                var expected = reader.TryGetDateTimeOffset(out var value) ? value.ToString("O", CultureInfo.InvariantCulture) : "fails";

                                var actual = QueryCellText.TryGetDateTimeOffset(quoted, escaped: false, out var read) ? read.ToString("O", CultureInfo.InvariantCulture) : "fails";

                                actual.Should().Be(expected, text);
                                checkedCount++;
                            }
                        }
                    }
                }
            }
        }

        checkedCount.Should().BeGreaterThan(50_000);
    }

    [Fact]
    public void TryGetDate_EveryNearlyPlainDate_AsDateOnlyTryParseExact()
    {
        foreach (var year in Years.Append(10_000))
        {
            for (var month = 0; month <= 13; month++)
            {
                foreach (var day in Days)
                {
                    foreach (var text in new[]
                    {
                        string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}"),
                        string.Create(CultureInfo.InvariantCulture, $"{year}-{month}-{day}"),
                    })
                    {
                        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value.DayNumber : -1;

                        var actual = QueryCellText.TryGetDate(Encoding.UTF8.GetBytes($"\"{text}\""), escaped: false, out var read) ? read.DayNumber : -1;

                        actual.Should().Be(expected, text);
                    }
                }
            }
        }
    }

    [Fact]
    public void GetString_InvalidUtf8_ThrowsAsJsonElementDoes()
    {
        byte[] quoted = [(byte)'"', 0xC3, 0x28, (byte)'"'];
        using var document = JsonDocument.Parse((byte[])[(byte)'[', .. quoted, (byte)']']);

        var expected = FluentActions.Invoking(() => document.RootElement[0].GetString()).Should().Throw<InvalidOperationException>().Which;
        FluentActions.Invoking(() => QueryCellText.GetString(quoted, escaped: false)).Should().Throw<InvalidOperationException>().WithMessage(expected.Message);
    }
}
