namespace DataPulse.Cli.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData("kpi", "datapulse kpi [-p|--period <PERIOD>] [-v|--vertical <VERTICAL>] [--sandbox] [--json]")]
    [InlineData("query", "datapulse query <SQL> [-l|--limit <LIMIT>] [--sandbox] [--json]")]
    [InlineData("customer", "datapulse customer <ID> [--sandbox] [--json]")]
    [InlineData("predict", "datapulse predict <MODEL> [-f|--feature <NAME=VALUE>]... [--sandbox] [--json]")]
    [InlineData("export", "datapulse export [-t|--template <ID>] [-q|--query <SQL>] [--format <FORMAT>] [-o|--out <FOLDER>] [--sandbox] [--json]")]
    public void Line_NamesEveryArgumentAndOption(string command, string expected) =>
        Usage.Line(CommandCatalog.Find([command])).Should().Be(expected);

    [Fact]
    public void Find_TakesTheFirstArgumentThatIsNotAnOption() =>
        CommandCatalog.Find(["--json", "export", "--format", "pdf"])!.Name.Should().Be("export");

    [Fact]
    public void Find_UnknownCommand_IsNull() => CommandCatalog.Find(["kpis"]).Should().BeNull();
}
