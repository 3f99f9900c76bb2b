using DataPulse.Client.Analytics;
using DataPulse.Client.Reports;

namespace DataPulse.Client.Tests.Analytics;

public sealed class ExtensibleValueTests
{
    public static TheoryData<object, object, string> KnownValues => new()
    {
        { new ChurnRisk("low"), ChurnRisk.Low, "low" },
        { new ChurnRisk("medium"), ChurnRisk.Medium, "medium" },
        { new ChurnRisk("high"), ChurnRisk.High, "high" },
        { new Trend("upward"), Trend.Upward, "upward" },
        { new Trend("downward"), Trend.Downward, "downward" },
        { new Trend("flat"), Trend.Flat, "flat" },
        { new KpiPeriod("7d"), KpiPeriod.SevenDays, "7d" },
        { new KpiPeriod("30d"), KpiPeriod.ThirtyDays, "30d" },
        { new KpiPeriod("90d"), KpiPeriod.NinetyDays, "90d" },
        { new KpiPeriod("1y"), KpiPeriod.OneYear, "1y" },
        { new Vertical("retail"), Vertical.Retail, "retail" },
        { new Vertical("saas"), Vertical.Saas, "saas" },
        { new Vertical("finance"), Vertical.Finance, "finance" },
        { new QueryColumnType("string"), QueryColumnType.String, "string" },
        { new QueryColumnType("number"), QueryColumnType.Number, "number" },
        { new QueryColumnType("integer"), QueryColumnType.Integer, "integer" },
        { new QueryColumnType("boolean"), QueryColumnType.Boolean, "boolean" },
        { new QueryColumnType("timestamp"), QueryColumnType.Timestamp, "timestamp" },
        { new QueryColumnType("date"), QueryColumnType.Date, "date" },
        { new ReportFormat("csv"), ReportFormat.Csv, "csv" },
        { new ReportFormat("pdf"), ReportFormat.Pdf, "pdf" },
        { new ReportFormat("xlsx"), ReportFormat.Xlsx, "xlsx" },
    };

    [Theory]
    [MemberData(nameof(KnownValues))]
    public void KnownWireValue_EqualsItsStaticMember(object fromWire, object member, string wire)
    {
        fromWire.Should().Be(member);
        fromWire.GetHashCode().Should().Be(member.GetHashCode());
        member.ToString().Should().Be(wire);
    }

    [Fact]
    public void EqualityOperators_CompareByWireValue()
    {
        (new ChurnRisk("low") == ChurnRisk.Low).Should().BeTrue();
        (new ChurnRisk("critical") != ChurnRisk.High).Should().BeTrue();
        (new Trend("sideways") == Trend.Flat).Should().BeFalse();
    }

    [Fact]
    public void Constructor_EmptyValue_Throws()
    {
        var act = () => new ChurnRisk(" ");

        act.Should().Throw<ArgumentException>();
    }
}
