using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>A logger factory that records everything, at every level, with every structured value and scope.</summary>
public sealed class LogCapture : IDisposable
{
    public LogCapture()
    {
        Provider = new FakeLoggerProvider(Collector);
        Factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(Provider));
    }

    public FakeLogCollector Collector { get; } = new();

    public FakeLoggerProvider Provider { get; }

    public ILoggerFactory Factory { get; }

    public IReadOnlyList<FakeLogRecord> Records => Collector.GetSnapshot();

    public string AllText() => AllText(Collector);

    /// <summary>Every message, structured value, scope and exception (with <see cref="Exception.ToString"/>) as one text.</summary>
    public static string AllText(FakeLogCollector collector)
    {
        var text = new StringBuilder();
        foreach (var record in collector.GetSnapshot())
        {
            text.AppendLine(record.Category).AppendLine(record.Message);
            foreach (var pair in record.StructuredState ?? [])
            {
                text.Append(pair.Key).Append('=').AppendLine(pair.Value);
            }

            foreach (var scope in record.Scopes)
            {
                text.AppendLine(scope?.ToString());
            }

            text.AppendLine(record.Exception?.ToString());
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Factory.Dispose();
        Provider.Dispose();
    }
}
