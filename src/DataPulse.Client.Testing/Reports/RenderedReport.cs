namespace DataPulse.Client.Testing.Reports;

/// <summary>A finished report file.</summary>
internal sealed record RenderedReport(string FileName, string ContentType, byte[] Content);
