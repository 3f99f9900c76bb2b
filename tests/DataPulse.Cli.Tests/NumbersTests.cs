namespace DataPulse.Cli.Tests;

public sealed class NumbersTests
{
    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1, "1 byte")]
    [InlineData(1012, "1,012 bytes")]
    [InlineData(1_073_741_824, "1,073,741,824 bytes")]
    public void Bytes_InvariantWithThousandsSeparators(long value, string expected) => Numbers.Bytes(value).Should().Be(expected);

    [Theory]
    [InlineData("27930.00", "27,930.00")]
    [InlineData("-8820.5", "-8,820.5")]
    [InlineData("7", "7")]
    [InlineData("1234567", "1,234,567")]
    public void Amount_FromJson_AddsSeparators_KeepsDecimals(string json, string expected) => Numbers.Amount(json).Should().Be(expected);

    [Fact]
    public void Amount_AndPercent_AreInvariantWhateverTheCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");

            Numbers.Amount(2_845_000m).Should().Be("2,845,000");
            Numbers.Amount(4820.5m, 2).Should().Be("4,820.50");
            Numbers.Percent(0.041, 1).Should().Be("4.1 %");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(512, "512 bytes/s")]
    [InlineData(3_400, "3.4 kB/s")]
    [InlineData(12_500_000, "12.5 MB/s")]
    public void Rate_ScalesToDecimalUnits(double bytesPerSecond, string expected) => Numbers.Rate(bytesPerSecond).Should().Be(expected);
}
