namespace DataPulse.Cli.Tests.Infrastructure;

/// <summary>Reads a table the CLI drew with box characters back into cells.</summary>
public static class TableText
{
    /// <summary>The text of one column's cells on every body line (header excluded), continuation lines included.</summary>
    public static IReadOnlyList<string> Column(string output, int index) =>
        output.Split('\n')
            .Where(line => line.TrimStart().StartsWith('│'))
            .Skip(1)
            .Select(line => line.Trim().Trim('│').Split('│')[index].Trim())
            .ToList();
}
