using System.Buffers;
using DataPulse.Client.Errors;

namespace DataPulse.Client.Reports;

/// <summary>
/// An exported report, streamed: <see cref="Content"/> reads the body as it arrives, never buffered whole in memory.
/// Read it once, copy it with <see cref="CopyToAsync"/> or save it with <see cref="SaveToFileAsync"/>, and dispose it to
/// release the connection.
/// </summary>
public sealed class ReportFile : IDisposable, IAsyncDisposable
{
    private const int BufferSize = 81_920;
    private readonly IDisposable? _owner;
    private readonly string _operation;
    private readonly TimeSpan? _idleTimeout;
    private int _consumed;

    /// <summary>Wraps a stream as a report file, for example to fake the client in tests.</summary>
    /// <param name="content">The file's bytes; the report file owns and disposes it.</param>
    /// <param name="fileName">The file name, without a folder.</param>
    /// <param name="contentType">The media type, for example <c>application/pdf</c>.</param>
    /// <param name="length">The size in bytes, when known.</param>
    /// <param name="response">The trace id and rate-limit window of the answer.</param>
    public ReportFile(Stream content, string fileName, string contentType, long? length = null, DataPulseResponseInfo? response = null)
        : this(content, fileName, contentType, length, response, owner: null, ReportsClient.ExportOperation, idleTimeout: null)
    {
    }

    internal ReportFile(
        Stream content, string fileName, string contentType, long? length, DataPulseResponseInfo? response, IDisposable? owner, string operation, TimeSpan? idleTimeout)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(contentType);
        Content = content;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        Response = response ?? DataPulseResponseInfo.None;
        _owner = owner;
        _operation = operation;
        _idleTimeout = idleTimeout;
    }

    /// <summary>The body as it arrives. Readable once.</summary>
    public Stream Content { get; }

    /// <summary>The file name the server gave (<c>Content-Disposition</c>), made safe: never a path; <c>report.&lt;ext&gt;</c> when none was given.</summary>
    public string FileName { get; }

    /// <summary>The media type, for example <c>application/pdf</c>.</summary>
    public string ContentType { get; }

    /// <summary>The size in bytes, when the server sent <c>Content-Length</c>.</summary>
    public long? Length { get; }

    /// <summary>The trace id and rate-limit window of the answer.</summary>
    public DataPulseResponseInfo Response { get; }

    /// <summary>Copies the whole body to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="progress">Told how many bytes arrived, after each chunk.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The number of bytes copied.</returns>
    /// <exception cref="InvalidOperationException">The body was already read.</exception>
    /// <exception cref="DataPulseConnectionException">The connection broke, or the body ended before <see cref="Length"/> bytes.</exception>
    public async Task<long> CopyToAsync(Stream destination, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (Interlocked.Exchange(ref _consumed, 1) != 0)
        {
            throw new InvalidOperationException("The report's body was already read; export it again to read it again.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long total = 0;
        // One timer for the whole copy, re-armed before each read: a silent connection ends the copy, a slow one does not.
        using var idle = _idleTimeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            int read;
            while ((read = await ReadAsync(buffer, idle, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
                progress?.Report(new DownloadProgress(total, Length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (Length is { } expected && total != expected)
        {
            throw DataPulseExceptionFactory.DownloadEndedEarly(_operation, FileName, total, expected);
        }

        return total;
    }

    /// <summary>
    /// Saves the whole body to a file. Writes to a temporary file beside <paramref name="path"/> and moves it into place
    /// only when the whole body arrived; on failure or cancellation the temporary file is deleted and a file already at
    /// <paramref name="path"/> is left as it was.
    /// </summary>
    /// <param name="path">The file to write; its folder must exist. An existing file is replaced on success.</param>
    /// <param name="progress">Told how many bytes arrived, after each chunk.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="DataPulseConnectionException">The connection broke, or the body ended early.</exception>
    public async Task<long> SaveToFileAsync(string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (fullPath, folder) = ResolveTarget(path);
        // Short whatever the target's length, so the temporary name never exceeds what the file system allows.
        var name = Path.GetFileName(fullPath);
        var temporary = Path.Combine(folder, $".{(name.Length > 40 ? name[..40] : name)}.{Guid.NewGuid():N}.part");
        try
        {
            long written;
            var file = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
                BufferSize = 0,
            });
            await using (file.ConfigureAwait(false))
            {
                written = await CopyToAsync(file, progress, cancellationToken).ConfigureAwait(false);
                // On disk before the move: a crash after it must never leave a truncated file under the real name.
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
            return written;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        _owner?.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }

    /// <summary>
    /// Checks a save target before anything is downloaded: a file path (not a folder) in a folder that exists.
    /// </summary>
    internal static (string FullPath, string Folder) ResolveTarget(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new ArgumentException($"'{path}' is a folder; pass a file path, for example Path.Combine(folder, report.FileName).", nameof(path));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(fullPath)) > 255)
        {
            throw new ArgumentException($"The file name in '{path}' is longer than the 255 bytes a file system allows; shorten it.", nameof(path));
        }

        var folder = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");
        }

        return (fullPath, folder);
    }

    private async ValueTask<int> ReadAsync(byte[] buffer, CancellationTokenSource? idle, CancellationToken cancellationToken)
    {
        if (idle is not null)
        {
            idle.CancelAfter(_idleTimeout!.Value);
        }

        try
        {
            return await Content.ReadAsync(buffer.AsMemory(), idle?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            // Cancelling a read can surface as an I/O error; the caller's own cancellation stays a cancellation.
            cancellationToken.ThrowIfCancellationRequested();
            if (idle?.IsCancellationRequested == true)
            {
                throw DataPulseExceptionFactory.DownloadIdle(_operation, FileName, _idleTimeout!.Value);
            }

            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw DataPulseExceptionFactory.DownloadBroke(_operation, FileName, ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the name is hidden and unique, and never mistaken for the report.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
