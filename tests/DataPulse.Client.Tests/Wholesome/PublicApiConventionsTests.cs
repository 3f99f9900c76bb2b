using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using DataPulse.Client.Analytics;
using DataPulse.Client.Customers;
using DataPulse.Client.Errors;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;

namespace DataPulse.Client.Tests.Wholesome;

/// <summary>Whole-assembly conventions, checked by reflection so that new public surface is held to them too.</summary>
public sealed partial class PublicApiConventionsTests
{
    private static readonly Assembly Sdk = typeof(DataPulseClient).Assembly;

    private static readonly string[] ResourceNamespaces =
    [
        "DataPulse.Client.Analytics", "DataPulse.Client.Customers", "DataPulse.Client.Predictions", "DataPulse.Client.Reports",
    ];

    /// <summary>Exception bases callers may catch by and derive from.</summary>
    private static readonly Type[] InheritableTypes = [typeof(DataPulseException), typeof(DataPulseApiException)];

    private static IEnumerable<Type> PublicTypes => Sdk.GetExportedTypes();

    private static IEnumerable<MethodInfo> PublicAsyncMethods =>
        PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && IsAwaitable(m.ReturnType))
            // IAsyncDisposable.DisposeAsync has a fixed signature.
            .Where(m => !(m.Name == nameof(IAsyncDisposable.DisposeAsync) && m.GetParameters().Length == 0));

    [Fact]
    public void PublicAsyncMethods_AreFound()
    {
        // Guards the reflection below: if it found nothing, the conventions would pass vacuously.
        PublicAsyncMethods.Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Should().Contain(
        [
            "IAnalyticsClient.GetKpiSummaryAsync", "IAnalyticsClient.QueryAsync", "ICustomersClient.GetAsync",
            "IPredictionsClient.PredictAsync", "IReportsClient.ExportAsync", "ReportFile.CopyToAsync", "ReportFile.SaveToFileAsync",
        ]);
    }

    [Fact]
    public void PublicAsyncMethods_EndInAsync()
    {
        PublicAsyncMethods.Where(m => !m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(Describe).Should().BeEmpty("every public method that returns a task ends in Async");
    }

    [Fact]
    public void PublicAsyncMethods_TakeCancellationTokenLast()
    {
        PublicAsyncMethods.Where(m => m.GetParameters() is not [.., { } last] || last.ParameterType != typeof(CancellationToken))
            .Select(Describe).Should().BeEmpty("every public async method takes a CancellationToken as its last parameter");
    }

    [Fact]
    public void PublicAsyncMethods_CancellationTokenIsOptional()
    {
        PublicAsyncMethods.Where(m => m.GetParameters() is [.., { } last] && last.ParameterType == typeof(CancellationToken) && !last.IsOptional)
            .Select(Describe).Should().BeEmpty("cancellationToken = default, as the house style says");
    }

    /// <summary>The operations: every awaitable method of the resource clients' interfaces.</summary>
    private static IEnumerable<MethodInfo> Operations =>
        PublicTypes.Where(t => t.IsInterface && ResourceNamespaces.Contains(t.Namespace))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => IsAwaitable(m.ReturnType));

    [Fact]
    public void Operations_EachHaveAnOverloadTakingRequestOptionsBeforeTheToken()
    {
        var withoutOptions = Operations.Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(DataPulseRequestOptions))).ToList();
        withoutOptions.Should().HaveCountGreaterThan(10, "the check must actually have looked at the operations");

        withoutOptions.Where(m => !Operations.Any(o => TakesOptionsBeforeTheToken(o, m)))
            .Select(Describe).Should().BeEmpty("every operation takes DataPulseRequestOptions in an overload, just before the CancellationToken");
        Operations.Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(DataPulseRequestOptions)) && m.IsAbstract)
            .Select(Describe).Should().BeEmpty("an overload with options has a default implementation, so implementations written before it still compile");
    }

    private static bool TakesOptionsBeforeTheToken(MethodInfo candidate, MethodInfo operation)
    {
        var expected = operation.GetParameters().Select(p => p.ParameterType).ToList();
        expected.Insert(expected.Count - 1, typeof(DataPulseRequestOptions));
        var actual = candidate.GetParameters().Select(p => p.ParameterType).ToList();
        return candidate.Name == operation.Name
               && actual.Count == expected.Count
               && actual.Zip(expected).All(pair => pair.First == pair.Second
                                                   || (pair.First.IsGenericParameter && pair.Second.IsGenericParameter)
                                                   || (pair.First.IsGenericType && pair.Second.IsGenericType
                                                       && pair.First.GetGenericTypeDefinition() == pair.Second.GetGenericTypeDefinition()));
    }

    [Fact]
    public void PublicMethodsNamedAsync_ReturnTasks()
    {
        PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !IsAwaitable(m.ReturnType))
            .Select(Describe).Should().BeEmpty();
    }

    [Fact]
    public void PublicClasses_AreSealedUnlessMeantForInheritance()
    {
        PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !InheritableTypes.Contains(t))
            .Select(t => t.FullName).Should().BeEmpty("public classes are sealed by default");
    }

    [Fact]
    public void InheritableExceptionBases_AreActuallyDerivedFrom()
    {
        foreach (var type in InheritableTypes)
        {
            PublicTypes.Should().Contain(t => t.BaseType == type, "{0} is left unsealed because public types derive from it", type.Name);
        }
    }

    [Fact]
    public void PublicExceptions_DeriveFromDataPulseException()
    {
        PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t) && !typeof(DataPulseException).IsAssignableFrom(t))
            .Select(t => t.FullName).Should().BeEmpty();
    }

    // Results the SDK assembles from a body plus headers; their wire parts are checked through their own types.
    private static readonly HashSet<string> BuiltBySdk = ["ReportGeneration", "SavedReport"];

    private static IEnumerable<Type> ResponseModels =>
        PublicTypes.Where(t => ResourceNamespaces.Contains(t.Namespace)
                               && t.IsClass
                               && !t.IsGenericTypeDefinition // generic results wrap the caller's own types
                               && !BuiltBySdk.Contains(t.Name)
                               && t.GetMethod("<Clone>$") is not null // a record
                               && !t.Name.EndsWith("Request", StringComparison.Ordinal));

    [Fact]
    public void ResponseModels_AreFound()
    {
        ResponseModels.Select(t => t.Name).Should().Contain(
            ["KpiSummary", "KpiMeta", "QueryColumn", "QueryMeta", "CustomerProfile", "PredictionResult", "ConfidenceInterval", "DateRange"]);
    }

    [Fact]
    public void ResponseModels_AreInTheJsonContext()
    {
        ResponseModels.Where(t => WireContract(t) is null)
            .Select(t => t.FullName).Should().BeEmpty("every wire model is source-generated (no reflection at run time)");
    }

    [Fact]
    public void ModelProperties_MapToTheirSnakeCaseNames()
    {
        var problems = new List<string>();
        var checkedProperties = 0;
        foreach (var type in ResponseModels)
        {
            if (WireContract(type) is not { Kind: JsonTypeInfoKind.Object } info)
            {
                problems.Add($"{type.Name} has no object contract in the JSON context");
                continue;
            }

            // An ignored property may still be listed, but with neither getter nor setter.
            var serialized = info.Properties.Where(p => p.Get is not null || p.Set is not null).ToList();
#if NET9_0_OR_GREATER
            var byMember = serialized.Where(p => p.AttributeProvider is PropertyInfo).ToDictionary(p => ((PropertyInfo)p.AttributeProvider!).Name);
#else
            // System.Text.Json 8's generated contracts do not say which member a property is (no AttributeProvider): each
            // member is looked up by the name it should have, so a wrong name shows here as a missing property.
            var byName = serialized.ToDictionary(p => p.Name);
#endif
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.Name == "EqualityContract")
                {
                    continue;
                }

                // The contract's own spelling wins where it is not plain snake_case of the .NET name (schedules' "timezone").
                var expected = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                    ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
                var ignored = property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always };
#if NET9_0_OR_GREATER
                byMember.TryGetValue(property.Name, out var json);
#else
                byName.TryGetValue(expected, out var json);
#endif
                if (ignored)
                {
                    if (json is not null)
                    {
                        problems.Add($"{type.Name}.{property.Name} is [JsonIgnore] but serialized as '{json.Name}'");
                    }

                    continue;
                }

                checkedProperties++;
                if (json is null)
                {
                    problems.Add($"{type.Name}.{property.Name} is not in the JSON contract");
                }
                else if (json.Name != expected || !SnakeCase().IsMatch(json.Name))
                {
                    problems.Add($"{type.Name}.{property.Name} maps to '{json.Name}', expected '{expected}'");
                }
                else if (json.Set is null)
                {
                    problems.Add($"{type.Name}.{property.Name} ('{json.Name}') is never read from the wire");
                }
            }
        }

        problems.Should().BeEmpty();
        checkedProperties.Should().BeGreaterThan(20, "the check must actually have looked at the models");
    }

    [Fact]
    public void JsonContexts_WriteSnakeCaseAndOmitNulls()
    {
        foreach (var context in WireContexts.Where(c => c is not ErrorJsonContext))
        {
            context.Options.PropertyNamingPolicy.Should().Be(JsonNamingPolicy.SnakeCaseLower, context.GetType().Name);
            context.Options.DefaultIgnoreCondition.Should().Be(JsonIgnoreCondition.WhenWritingNull, context.GetType().Name);
        }
    }

    [Fact]
    public void ErrorJsonContext_ReadsSnakeCase()
    {
        ErrorJsonContext.Default.Options.PropertyNamingPolicy.Should().Be(JsonNamingPolicy.SnakeCaseLower);
    }

    /// <summary>Each resource's source-generated contract, and the error body's.</summary>
    internal static readonly JsonSerializerContext[] WireContexts =
    [
        AnalyticsJsonContext.Default, CustomersJsonContext.Default, PredictionsJsonContext.Default, ReportsJsonContext.Default, ErrorJsonContext.Default,
    ];

    /// <summary>The source-generated contract of a wire model, from whichever context lists it.</summary>
    internal static JsonTypeInfo? WireContract(Type type) =>
        WireContexts.Select(context => context.GetTypeInfo(type)).FirstOrDefault(info => info is not null);

    private static bool IsAwaitable(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)
                                   || type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)))
        || type.GetMethod(nameof(Task.GetAwaiter), Type.EmptyTypes)?.ReturnType.GetInterface(nameof(INotifyCompletion)) is not null;

    private static string Describe(MethodInfo m) =>
        $"{m.DeclaringType!.FullName}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})";

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
