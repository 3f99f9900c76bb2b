using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using DataPulse.Client.Customers;
using DataPulse.Client.Predictions;
using DataPulse.Client.Testing;

namespace DataPulse.Client.Tests.Wholesome;

/// <summary>
/// Every public record with a collection (in DataPulse.Client and DataPulse.Client.Testing) prints it readably: its
/// <c>ToString()</c> shows the items, not <c>System.Collections.Generic.List`1[System.String]</c>, and still names every
/// property. Found by reflection, so a new record is held to it too.
/// </summary>
public sealed class RecordPrintingConventionsTests
{
    private static readonly Assembly[] Assemblies = [typeof(DataPulseClient).Assembly, typeof(DataPulseSandbox).Assembly];

    private static IEnumerable<Type> RecordsWithCollections =>
        Assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(IsRecord)
            .Where(t => PublicProperties(t).Any(p => IsCollection(p.PropertyType)))
            .Select(t => t.IsGenericTypeDefinition ? t.MakeGenericType(t.GetGenericArguments().Select(_ => typeof(string)).ToArray()) : t);

    public static TheoryData<Type> Records
    {
        get
        {
            var records = new TheoryData<Type>();
            foreach (var type in RecordsWithCollections)
            {
                records.Add(type);
            }

            return records;
        }
    }

    [Fact]
    public void RecordsWithCollections_AreFound() =>
        RecordsWithCollections.Select(t => t.Name).Should().Contain(
        [
            nameof(CustomerProfile), nameof(PredictionResult), nameof(PredictionRequest), nameof(DataPulseApiError), nameof(SandboxRequest), "Page`1", "QueryResult`1",
        ]);

    [Theory]
    [MemberData(nameof(Records))]
    public void ToString_PrintsCollectionsNotTheirTypeNames(Type record)
    {
        var printed = Sample(record).ToString()!;

        printed.Should().NotContain("System.Collections").And.NotContain("`1[").And.NotContain("`2[");
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void ToString_NamesEveryPublicProperty(Type record)
    {
        var printed = Sample(record).ToString()!;

        PublicProperties(record).Where(p => !printed.Contains(p.Name + " = ", StringComparison.Ordinal)).Select(p => p.Name)
            .Should().BeEmpty("a record's own PrintMembers must not drop a property: {0}", printed);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void ToString_CutsLargeCollections(Type record)
    {
        var printed = Sample(record).ToString()!;

        printed.Should().Contain("item10").And.NotContain("item11", "only the first ten items are printed").And.Contain("(2 more)");
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(StringBuilder)]) is not null;

    private static IEnumerable<PropertyInfo> PublicProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>An instance with every collection holding 12 items (item1 … item12), so the cut after ten shows.</summary>
    private static object Sample(Type type)
    {
        var instance = type.GetConstructor(Type.EmptyTypes) is { } constructor ? constructor.Invoke(null) : RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in PublicProperties(type).Where(p => p.CanWrite))
        {
            if (Value(property.PropertyType) is { } value)
            {
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static object? Value(Type type)
    {
        if (type == typeof(string))
        {
            return "text";
        }

        if (!IsCollection(type) || !type.IsGenericType)
        {
            return null;
        }

        var arguments = type.GetGenericArguments();
        if (arguments.Length == 2)
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            for (var i = 1; i <= 12; i++)
            {
                dictionary.Add($"item{i}", Item(arguments[1], i));
            }

            return dictionary;
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
        for (var i = 1; i <= 12; i++)
        {
            list.Add(Item(arguments[0], i));
        }

        return list;
    }

    private static object? Item(Type type, int index) => type switch
    {
        _ when type == typeof(string) => $"item{index}",
        _ when type == typeof(object) => index,
        _ when type == typeof(JsonElement) => JsonDocument.Parse(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).RootElement,
        _ when type == typeof(IReadOnlyList<string>) => new[] { $"value{index}" },
        _ when type.IsValueType => Activator.CreateInstance(type),
        _ => null,
    };
}
