using DataPulse.Cli.Tests.Infrastructure;

namespace DataPulse.Cli.Tests.Commands;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task MissingOutputFolder_IsCreated_AndTheReportSavedThere()
    {
        using var temp = new TempFolder();

        var result = await CliProcess.RunAsync(["export", "--sandbox", "--template", "tmpl_q3_performance", "-o", "reports/q3"], temp.Path);

        result.ExitCode.Should().Be(0, "{0}", result);
        var saved = Path.Combine(temp.Path, "reports", "q3", "q3_performance.csv");
        File.Exists(saved).Should().BeTrue("{0}", result);
        var bytes = new FileInfo(saved).Length;
        result.StdOut.Should().Contain($"Saved {saved} (text/csv, {bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes)");
    }

    [Fact]
    public async Task LargerReport_PrintsBytesWithThousandsSeparators()
    {
        using var temp = new TempFolder();

        var result = await CliProcess.RunAsync(["export", "--sandbox", "--query", "SELECT * FROM transactions", "--format", "csv"], temp.Path);

        result.ExitCode.Should().Be(0, "{0}", result);
        var saved = Directory.GetFiles(temp.Path).Should().ContainSingle().Subject;
        var bytes = new FileInfo(saved).Length;
        bytes.Should().BeGreaterThan(999, "the sandbox's transactions export is over a thousand bytes");
        result.StdOut.Should().Contain($"(text/csv, {bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes)");
    }

    [Fact]
    public async Task FileInTheWay_ExitsEleven_NamingIt()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "reports");
        await File.WriteAllTextAsync(file, "not a folder");

        var result = await CliProcess.RunAsync(["export", "--sandbox", "--template", "tmpl_q3_performance", "-o", "reports/q3"], temp.Path);

        result.ExitCode.Should().Be(11, "{0}", result);
        result.ErrorLines.Should().Equal($"Cannot create the output folder '{Path.Combine(file, "q3")}': '{file}' is a file.");
    }

    [Fact]
    public async Task FileInTheWay_WithJson_ExitsEleven_WithTheErrorObject()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "reports"), "not a folder");

        var result = await CliProcess.RunAsync(["export", "--sandbox", "--json", "--template", "tmpl_q3_performance", "-o", "reports"], temp.Path);

        result.ExitCode.Should().Be(11, "{0}", result);
        var error = ErrorJson.Read(result);
        error.GetProperty("code").GetString().Should().Be("output_error");
        error.GetProperty("exit_code").GetInt32().Should().Be(11);
    }

    [Theory]
    [InlineData(new[] { "--template", "tmpl_q3_performance", "--format", "docx" }, "--format must be one of csv, pdf, xlsx; 'docx' is not.")]
    [InlineData(new[] { "--format", "pdf" }, "Pass exactly one of --template and --query.")]
    public async Task BadRequest_ExitsTwo(string[] options, string message)
    {
        using var temp = new TempFolder();

        var result = await CliProcess.RunAsync(["export", "--sandbox", .. options], temp.Path);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.ErrorLines[0].Should().Be(message);
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }
}
