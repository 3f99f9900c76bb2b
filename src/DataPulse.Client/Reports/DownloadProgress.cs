namespace DataPulse.Client.Reports;

/// <summary>How far a download has come.</summary>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="TotalBytes">The whole size, when the server sent <c>Content-Length</c>.</param>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes);
