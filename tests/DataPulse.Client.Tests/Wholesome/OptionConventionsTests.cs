using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DataPulse.Client.Configuration;
using DataPulse.Client.RateLimiting;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace DataPulse.Client.Tests.Wholesome;

/// <summary>
/// An option is declared once: a public settable property of <see cref="DataPulseClientOptions"/> (or of a group of
/// settings such as <see cref="RetryBudgetOptions"/>) with its doc. Everything else that must know every option is
/// checked here against the properties themselves, so a new option that one of them misses fails a test naming it: the
/// configuration reader and its key list, the <c>AddDataPulse(IConfiguration)</c> key list, the validator, the copy a
/// client keeps, and the README.
/// </summary>
public sealed class OptionConventionsTests
{
    /// <summary>Options only code can set, each with why: configuration holds text, these hold objects.</summary>
    private static readonly Dictionary<string, string> CodeOnly = new()
    {
        ["TimeProvider"] = "a clock is an object; with dependency injection the container's is used",
        ["LoggerFactory"] = "an object; with dependency injection the container's logging is used",
        ["ConfigureResilience"] = "a delegate",
        ["ResiliencePipeline"] = "a Polly pipeline object",
        ["RateLimitStore"] = "a store object; with dependency injection UseRedisRateLimits sets it",
    };

    /// <summary>Options every value of which is valid, each with why; every other option has a bad value in <see cref="DataPulseClientOptionsValidatorTests.BadSettings"/>.</summary>
    private static readonly Dictionary<string, string> AnyValue = new()
    {
        ["LogBodies"] = "a switch",
        ["RateLimitPacing"] = "a switch",
        ["RetryBudget.Enabled"] = "a switch",
        ["LoggerFactory"] = "null logs nothing",
        ["ConfigureResilience"] = "null adds nothing",
        ["ResiliencePipeline"] = "null keeps the SDK's pipeline",
        ["RateLimitStore"] = "null keeps the in-process store",
    };

    [Fact]
    public void Options_AreFoundByTheseConventions()
    {
        // The tests below are only as good as this list: it must hold the known options, nested ones included.
        var paths = Option.All().Select(o => o.Path).ToList();

        paths.Should().Contain(["ApiKey", "Timeout", "RetryBudget", "RetryBudget.MaxTokens", "ConfigureResilience"]);
        paths.Should().HaveCountGreaterThan(18);
    }

    [Fact]
    public void ExceptionLists_NameOnlyExistingOptions()
    {
        var paths = Option.All().Select(o => o.Path).ToHashSet();

        ShouldBeNone(CodeOnly.Keys.Concat(AnyValue.Keys).Where(path => !paths.Contains(path)), "a list of exceptions must not outlive its options");
    }

    [Fact]
    public void ConfigurationReader_ReadsEveryOptionConfigurationCanHold()
    {
        var defaults = new DataPulseClientOptions();
        var expected = new Dictionary<Option, object>();
        var configuration = new Dictionary<string, string?>();
        var problems = new List<string>();
        foreach (var option in Option.Settings().Where(o => !CodeOnly.ContainsKey(o.Path)))
        {
            if (!Values.TryText(option.Type, out var toText))
            {
                problems.Add($"{option.Path}: configuration cannot hold a {option.Type.Name}; list it in {nameof(CodeOnly)} with the reason");
                continue;
            }

            var value = Values.Different(option.Type, option.Get(defaults));
            expected[option] = value;
            configuration[option.Key] = toText(value);
        }

        var options = new DataPulseClientOptions();
        DataPulseConfigurationReader.Bind(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(), options);

        options.ConfigurationProblems.Should().BeNull();
        problems.AddRange(expected
            .Where(pair => !Equals(pair.Key.Get(options), pair.Value))
            .Select(pair => $"{pair.Key.Path}: configuration key {pair.Key.Key} is not read (DataPulseConfigurationReader)"));
        ShouldBeNone(problems);
    }

    [Fact]
    public void Validator_HasABadValueForEveryOptionThatIsNotFree()
    {
        var covered = DataPulseClientOptionsValidatorTests.BadSettings.Select(row => (string)row[0]).ToHashSet();

        ShouldBeNone(Option.All()
            .Where(o => !AnyValue.ContainsKey(o.Path) && !covered.Contains(o.Path))
            .Select(o => $"{o.Path}: give it an out-of-range value the validator names (DataPulseClientOptionsValidatorTests.BadSettings), or list it in {nameof(AnyValue)} with the reason"));
    }

    [Fact]
    public void Clone_CopiesEveryOption()
    {
        var original = new DataPulseClientOptions();
        ChangeEveryOption(original);

        var copy = original.Clone();

        ShouldBeNone(Option.Settings().Where(o => !Equals(o.Get(copy), o.Get(original))).Select(o => o.Path));
    }

    [Fact]
    public void Clone_ChangingTheOriginalAfterwards_NeverChangesTheCopy()
    {
        var original = new DataPulseClientOptions();
        var copy = original.Clone();
        var before = Option.Settings().ToDictionary(o => o, o => o.Get(copy));

        // Groups of settings are changed in place, as a caller would: a copy sharing the group would change with them.
        ChangeEveryOption(original);

        ShouldBeNone(Option.Settings().Where(o => !Equals(o.Get(copy), before[o])).Select(o => o.Path));
    }

    [Fact]
    public void ConfigurationReaderDoc_ListsEveryKey()
    {
        var doc = SourceTree.Client.Compilation.GetTypeByMetadataName(typeof(DataPulseConfigurationReader).FullName!)!.GetDocumentationCommentXml();

        ShouldBeNone(MissingKeys(XElement.Parse(doc!).Element("remarks")));
    }

    [Fact]
    public void AddDataPulseConfigurationDoc_ListsEveryKey()
    {
        var extensions = SourceTree.Client.Compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.DataPulseServiceCollectionExtensions")!;
        var addDataPulse = extensions.GetMembers("AddDataPulse").OfType<IMethodSymbol>()
            .Single(m => m.Parameters.Length == 2 && m.Parameters[1].Type.Name == nameof(IConfiguration));
        var doc = XElement.Parse(addDataPulse.GetDocumentationCommentXml()!);

        ShouldBeNone(MissingKeys(doc.Elements("param").Single(p => (string?)p.Attribute("name") == "configuration")));
    }

    [Fact]
    public void ReadmeDependencyInjection_ListsEveryKey()
    {
        var keys = Regex.Match(Readme(), @"^Keys: .*?(?=\n\n|\n- )", RegexOptions.Multiline | RegexOptions.Singleline);
        keys.Success.Should().BeTrue("README's dependency injection section starts its key list with \"Keys: \"");

        ShouldBeNone(ConfigurationKeys().Where(key => !keys.Value.Contains($"`{key}`", StringComparison.Ordinal)));
    }

    [Fact]
    public void ReadmeOptionTables_HaveARowForEveryOption()
    {
        var rows = Readme().Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();

        ShouldBeNone(Option.All().Select(o => o.Path).Where(path => !rows.Exists(row => row.StartsWith($"| `{path}` |", StringComparison.Ordinal))));
    }

    /// <summary>Fails listing every item found, not only the first.</summary>
    private static void ShouldBeNone(IEnumerable<string> found, string because = "") =>
        string.Join("; ", found).Should().BeEmpty(because);

    private static IEnumerable<string> ConfigurationKeys() => Option.Settings().Where(o => !CodeOnly.ContainsKey(o.Path)).Select(o => o.Key);

    private static IEnumerable<string> MissingKeys(XElement? doc)
    {
        var listed = doc?.Descendants("c").Select(c => c.Value).ToHashSet() ?? [];
        return ConfigurationKeys().Where(key => !listed.Contains(key));
    }

    private static string Readme() => File.ReadAllText(Path.Combine(SourceTree.RepositoryRoot(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static void ChangeEveryOption(DataPulseClientOptions options)
    {
        foreach (var option in Option.Settings())
        {
            option.Set(options, Values.Different(option.Type, option.Get(options)));
        }
    }

    /// <summary>
    /// One option: a public settable property of the options, or of a group of settings the options hold (a class of the
    /// SDK's own, such as <see cref="RetryBudgetOptions"/>: its path is <c>RetryBudget.MaxTokens</c>, its configuration key
    /// <c>RetryBudget:MaxTokens</c>).
    /// </summary>
    private sealed record Option(string Path, string Key, PropertyInfo Property, PropertyInfo? Group)
    {
        public Type Type => Property.PropertyType;

        private bool IsGroup => Group is null && IsGroupType(Property.PropertyType);

        /// <summary>Every option, groups included.</summary>
        public static IEnumerable<Option> All()
        {
            foreach (var property in Settable(typeof(DataPulseClientOptions)))
            {
                yield return new Option(property.Name, property.Name, property, null);
                if (IsGroupType(property.PropertyType))
                {
                    foreach (var inner in Settable(property.PropertyType))
                    {
                        yield return new Option($"{property.Name}.{inner.Name}", $"{property.Name}:{inner.Name}", inner, property);
                    }
                }
            }
        }

        /// <summary>Every option that holds a setting itself: groups are left out, their settings are in.</summary>
        public static IEnumerable<Option> Settings() => All().Where(o => !o.IsGroup);

        public object? Get(DataPulseClientOptions options) =>
            Group is null ? Property.GetValue(options) : Property.GetValue(Group.GetValue(options));

        public void Set(DataPulseClientOptions options, object? value) =>
            Property.SetValue(Group is null ? options : Group.GetValue(options), value);

        private static bool IsGroupType(Type type) => type.IsClass && type.Assembly == typeof(DataPulseClientOptions).Assembly;

        private static IEnumerable<PropertyInfo> Settable(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod?.IsPublic == true && p.SetMethod?.IsPublic == true);
    }

    /// <summary>Values of the types options have: one different from a given one, and as configuration text.</summary>
    private static class Values
    {
        public static object Different(Type type, object? current) => type switch
        {
            _ when type == typeof(TimeSpan) => (TimeSpan)current! + TimeSpan.FromSeconds(7),
            _ when type == typeof(int) => (int)current! + 7,
            _ when type == typeof(double) => (double)current! / 2,
            _ when type == typeof(bool) => !(bool)current!,
            _ when type == typeof(string) => (string?)current + "-changed",
            _ when type == typeof(Uri) => new Uri(current is Uri { Host: "changed.example" } ? "https://changed-again.example/" : "https://changed.example/"),
            _ when type == typeof(TimeProvider) => new FakeTimeProvider(),
            _ when type == typeof(Microsoft.Extensions.Logging.ILoggerFactory) => new NullLoggerFactory(),
            _ when type == typeof(Action<ResiliencePipelineBuilder<HttpResponseMessage>>) => new Action<ResiliencePipelineBuilder<HttpResponseMessage>>(_ => { }),
            _ when type == typeof(ResiliencePipeline<HttpResponseMessage>) => new ResiliencePipelineBuilder<HttpResponseMessage>().Build(),
            _ when type == typeof(IRateLimitStore) => new InMemoryRateLimitStore(),
            _ => throw new NotSupportedException($"An option of type {type} is new to these conventions: teach {nameof(Values)} a value of it."),
        };

        /// <summary>How configuration writes a value of <paramref name="type"/>, when it can hold one.</summary>
        public static bool TryText(Type type, [NotNullWhen(true)] out Func<object, string>? toText)
        {
            toText = type switch
            {
                _ when type == typeof(TimeSpan) => value => ((TimeSpan)value).ToString("c", CultureInfo.InvariantCulture),
                _ when type == typeof(int) => value => ((int)value).ToString(CultureInfo.InvariantCulture),
                _ when type == typeof(double) => value => ((double)value).ToString("R", CultureInfo.InvariantCulture),
                _ when type == typeof(bool) => value => (bool)value ? "true" : "false",
                _ when type == typeof(string) => value => (string)value,
                _ when type == typeof(Uri) => value => ((Uri)value).AbsoluteUri,
                _ => null,
            };
            return toText is not null;
        }
    }
}
