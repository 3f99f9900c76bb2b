using System.Diagnostics.CodeAnalysis;

namespace DataPulse.Client.Reports;

/// <summary>
/// What an export answered right away (<see cref="IReportsClient.StartExportAsync(ReportExportRequest, CancellationToken)"/>): either the file itself
/// (<see cref="IsReady"/>, <see cref="File"/>), or a report the server is still generating (<see cref="Pending"/>).
/// Dispose it to release the file's connection when you do not read it.
/// </summary>
public sealed class ReportExportStart : IDisposable, IAsyncDisposable
{
    private ReportExportStart(ReportFile? file, ReportGeneration? pending)
    {
        File = file;
        Pending = pending;
    }

    /// <summary><see langword="true"/> when the server sent the file at once; <see cref="File"/> holds it.</summary>
    [MemberNotNullWhen(true, nameof(File))]
    [MemberNotNullWhen(false, nameof(Pending))]
    public bool IsReady => File is not null;

    /// <summary>The file, when the server sent it at once (<c>200</c>); otherwise <see langword="null"/>.</summary>
    public ReportFile? File { get; }

    /// <summary>The report being generated, when the server answered <c>202 Accepted</c>; otherwise <see langword="null"/>.</summary>
    public ReportGeneration? Pending { get; }

    /// <summary>An export answered with the file.</summary>
    /// <param name="file">The file.</param>
    /// <returns>A ready result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is null.</exception>
    public static ReportExportStart Ready(ReportFile file) => new(file ?? throw new ArgumentNullException(nameof(file)), null);

    /// <summary>An export the server generates asynchronously.</summary>
    /// <param name="pending">The report being generated.</param>
    /// <returns>A pending result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pending"/> is null.</exception>
    public static ReportExportStart Accepted(ReportGeneration pending) => new(null, pending ?? throw new ArgumentNullException(nameof(pending)));

    /// <inheritdoc />
    public void Dispose() => File?.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => File?.DisposeAsync() ?? default;
}
