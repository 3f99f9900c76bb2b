using System.Reflection;
using System.Text.RegularExpressions;
using DataPulse.Cli.Errors;
using DataPulse.Cli.Tests.Infrastructure;

namespace DataPulse.Cli.Tests;

/// <summary>The exit codes are documented once, in ExitCodes.cs and the tool's README; these keep the two equal.</summary>
public sealed partial class ExitCodesTests
{
    private static readonly string Readme = Path.Combine(RepositoryRoot(), "samples", "DataPulse.Cli", "README.md");

    [Fact]
    public void Readme_ListsEveryExitCode_AndNothingElse()
    {
        var declared = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetValue(null)!);

        ReadmeRows().Keys.Should().BeEquivalentTo(declared);
    }

    [Fact]
    public void Readme_NamesTheJsonCodesOfEachExitCode()
    {
        var rows = ReadmeRows();
        var produced = SampleFailures.All
            .Select(row => CliErrors.From((Exception)row[1]))
            .GroupBy(e => e.ExitCode, e => e.Code);

        foreach (var group in produced)
        {
            rows[group.Key].Should().BeEquivalentTo(group.Distinct(), "README row for exit code {0}", group.Key);
        }
    }

    /// <summary>Exit code → the <c>--json</c> codes its README row names, from rows like <c>| 4 | `not_found` | … |</c>.</summary>
    private static Dictionary<int, string[]> ReadmeRows() =>
        File.ReadLines(Readme)
            .Select(line => ExitCodeRow().Match(line))
            .Where(m => m.Success)
            .ToDictionary(
                m => int.Parse(m.Groups["exit"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m => Regex.Matches(m.Groups["codes"].Value, "`([a-z_]+)`").Select(c => c.Groups[1].Value).ToArray());

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DataPulse.Client.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No DataPulse.Client.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| (?<exit>\d+) \|(?<codes>[^|]*)\|")]
    private static partial Regex ExitCodeRow();
}
