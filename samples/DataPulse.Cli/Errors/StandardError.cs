using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataPulse.Cli.Errors;

/// <summary>
/// Everything the CLI says on stderr. With <c>--json</c> every line is one JSON object, so that a script can read
/// stderr as it reads stdout; without it, lines for a person.
/// </summary>
internal static class StandardError
{
    /// <summary>
    /// Writes a failure: one line and, for a mistaken command line, the usage; with <c>--json</c> one object,
    /// <c>{"error":{"code":…,"exit_code":…,"message":…,"trace_id":…}}</c> (and <c>"usage"</c> for a usage error).
    /// </summary>
    public static void WriteError(CliError error, IReadOnlyList<string> args)
    {
        var command = error.IsUsageError ? CommandCatalog.Find(args) : null;
        var usage = error.IsUsageError ? Usage.Line(command) : null;
        var message = OneLine(error.Message);
        if (JsonRequested(args))
        {
            WriteJson(writer =>
            {
                writer.WriteStartObject("error");
                writer.WriteString("code", error.Code);
                writer.WriteNumber("exit_code", error.ExitCode);
                writer.WriteString("message", message);
                writer.WriteString("trace_id", error.TraceId);
                if (usage is not null)
                {
                    writer.WriteString("usage", usage);
                }

                writer.WriteEndObject();
            });
            return;
        }

        Console.Error.WriteLine(message);
        if (usage is not null)
        {
            Console.Error.WriteLine($"Usage: {usage}");
            Console.Error.WriteLine(Usage.HelpHint(command));
        }
    }

    /// <summary>Writes a notice that is not an error, such as which server is used: <c>{"notice":"…"}</c> with <c>--json</c>.</summary>
    public static void WriteNotice(string message, bool json)
    {
        if (json)
        {
            WriteJson(writer => writer.WriteString("notice", message));
            return;
        }

        Console.Error.WriteLine(message);
    }

    /// <summary>
    /// Whether the command line asked for JSON. Read from the arguments rather than the parsed settings, because a
    /// command line that fails to parse has no settings and still deserves the format it asked for.
    /// </summary>
    public static bool JsonRequested(IEnumerable<string> args) => args.TakeWhile(a => a != "--").Contains("--json");

    private static void WriteJson(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the line goes to a terminal or a script, never into HTML, so quotes in messages stay readable.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        Console.Error.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
