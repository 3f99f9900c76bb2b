using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DataPulse.Client.Analytics;
using DataPulse.Client.Reports;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Tests.Serialization;

/// <summary>The seven generated extensible value types, each through the same theories.</summary>
public sealed class ExtensibleValueTests
{
    private static readonly Dictionary<string, ValueType> Types = new[]
    {
        ValueType.Of(v => new ChurnRisk(v), (a, b) => a == b, (a, b) => a != b),
        ValueType.Of(v => new Trend(v), (a, b) => a == b, (a, b) => a != b),
        ValueType.Of(v => new KpiPeriod(v), (a, b) => a == b, (a, b) => a != b),
        ValueType.Of(v => new Vertical(v), (a, b) => a == b, (a, b) => a != b),
        ValueType.Of(v => new QueryColumnType(v), (a, b) => a == b, (a, b) => a != b),
        ValueType.Of(v => new ReportFormat(v), (a, b) => a == b, (a, b) => a != b),
        ValueType.Of(v => new ReportStatus(v), (a, b) => a == b, (a, b) => a != b),
    }.ToDictionary(t => t.Name);

    // The SDK's own context first: it is what reads the server's answers. Vertical, only ever a query parameter, is not
    // in it and falls back to reflection.
    private static readonly JsonSerializerOptions Json = new()
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine([.. Wholesome.PublicApiConventionsTests.WireContexts, new DefaultJsonTypeInfoResolver()]),
    };

    public static TheoryData<string> TypeNames => new(Types.Keys);

    public static TheoryData<string> TypeNamesInServerAnswers => new(Types.Keys.Where(name => name != nameof(Vertical)));

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
        { new ReportStatus("processing"), ReportStatus.Processing, "processing" },
        { new ReportStatus("ready"), ReportStatus.Ready, "ready" },
        { new ReportStatus("failed"), ReportStatus.Failed, "failed" },
    };

    [Theory]
    [MemberData(nameof(KnownValues))]
    public void KnownWireValue_EqualsItsStaticMember(object fromWire, object member, string wire)
    {
        fromWire.Should().Be(member);
        fromWire.GetHashCode().Should().Be(member.GetHashCode());
        member.ToString().Should().Be(wire);
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Equality_IgnoresCase(string type)
    {
        var values = Types[type];
        var upper = values.Create("Brand_New");
        var lower = values.Create("brand_new");

        upper.Should().Be(lower);
        upper.GetHashCode().Should().Be(lower.GetHashCode());
        values.OperatorEquals(upper, lower).Should().BeTrue();
        values.OperatorNotEquals(upper, lower).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void DifferentWireValues_AreNotEqual(string type)
    {
        var values = Types[type];
        var one = values.Create("one");
        var other = values.Create("other");

        one.Should().NotBe(other);
        values.OperatorEquals(one, other).Should().BeFalse();
        values.OperatorNotEquals(one, other).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void UnknownValue_KeepsItsWireFormExactly(string type)
    {
        var value = Types[type].Create("Brand_New");

        Types[type].ValueOf(value).Should().Be("Brand_New");
        value.ToString().Should().Be("Brand_New");
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Default_HasAnEmptyValue(string type)
    {
        var values = Types[type];

        values.ValueOf(values.Default).Should().BeEmpty();
        values.Default.ToString().Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Constructor_NullEmptyOrWhiteSpace_Throws(string type)
    {
        foreach (var invalid in new[] { null, string.Empty, " " })
        {
            var act = () => Types[type].Create(invalid!);

            act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("value");
        }
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Json_UnknownValue_IsReadAndWrittenBackUnchanged(string type)
    {
        var values = Types[type];

        var read = values.FromJson("\"brand_new\"");

        read.Should().Be(values.Create("brand_new"));
        values.ToJson(read).Should().Be("\"brand_new\"");
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Json_EmptyString_ReadsAsDefault(string type)
    {
        var values = Types[type];

        values.FromJson("\"\"").Should().Be(values.Default);
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Json_NonString_ThrowsJsonException(string type)
    {
        var act = () => Types[type].FromJson("42");

        act.Should().Throw<JsonException>().WithMessage($"*{type}*");
    }

    [Theory]
    [MemberData(nameof(TypeNamesInServerAnswers))]
    public void SdkJsonContext_ReadsTheTypeWithItsExtensibleValueConverter(string type)
    {
        var info = Wholesome.PublicApiConventionsTests.WireContract(Types[type].Type);

        info.Should().NotBeNull();
        info!.Converter.GetType().Should().Be(typeof(ExtensibleValueJsonConverter<>).MakeGenericType(Types[type].Type));
    }

    /// <summary>One extensible value type, seen through object so every theory runs the same code on all seven.</summary>
    private sealed class ValueType
    {
        private ValueType(Type type) => Type = type;

        public Type Type { get; }

        public string Name => Type.Name;

        public required Func<string, object> Create { get; init; }

        public required Func<object, string> ValueOf { get; init; }

        public required object Default { get; init; }

        public required Func<object, object, bool> OperatorEquals { get; init; }

        public required Func<object, object, bool> OperatorNotEquals { get; init; }

        public required Func<string, object> FromJson { get; init; }

        public required Func<object, string> ToJson { get; init; }

        public static ValueType Of<T>(Func<string, T> create, Func<T, T, bool> equals, Func<T, T, bool> notEquals)
            where T : struct, IExtensibleValue<T> => new(typeof(T))
            {
                Create = value => create(value),
                ValueOf = value => ((T)value).Value,
                Default = default(T),
                OperatorEquals = (left, right) => equals((T)left, (T)right),
                OperatorNotEquals = (left, right) => notEquals((T)left, (T)right),
                FromJson = json => JsonSerializer.Deserialize<T>(json, Json),
                ToJson = value => JsonSerializer.Serialize((T)value, Json),
            };
    }
}
