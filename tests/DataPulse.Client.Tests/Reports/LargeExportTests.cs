using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DataPulse.Client.Tests.Reports;

/// <summary>Runs alone: it measures allocations process-wide, which other tests running alongside would inflate.</summary>
[CollectionDefinition(nameof(LargeExportTests), DisableParallelization = true)]
public sealed class LargeExportsRunAlone;

[Collection(nameof(LargeExportTests))]
public sealed class LargeExportTests(ITestOutputHelper output, ApiServer api) : IDisposable, IClassFixture<ApiServer>
{
    private const long Size = 256L * 1024 * 1024;

    // Generous: the body is 256 MiB; a client that buffered it would allocate at least that much.
    private const long AllocationBudget = 16L * 1024 * 1024;

    private readonly ApiServer _api = api.Reset();
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ExportToFileAsync_256MiB_WritesWholeFileWithBoundedMemory()
    {
        await using var responder = new ScriptedServer(ScriptedServer.File(declaredLength: Size));
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = responder.BaseAddress));
        var target = Path.Combine(_folder.Path, "big.csv");
        var request = new ReportExportRequest { TemplateId = "tmpl_big", Format = ReportFormat.Csv };
        await client.Reports.ExportToFileAsync(request, Path.Combine(_folder.Path, "warm-up.csv")); // JIT and connection set-up are not the subject
        File.Delete(Path.Combine(_folder.Path, "warm-up.csv"));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var saved = await client.Reports.ExportToFileAsync(request, target);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"256 MiB written in {started.ElapsedMilliseconds} ms; allocated {allocated:N0} bytes process-wide.");

        saved.Length.Should().Be(Size);
        new FileInfo(target).Length.Should().Be(Size);
        allocated.Should().BeLessThan(AllocationBudget);
        await using var file = File.OpenRead(target);
        foreach (var position in new[] { 0L, 1L, 255L, 81_919L, 81_920L, Size / 2 + 7, Size - 1 })
        {
            file.Position = position;
            file.ReadByte().Should().Be(ScriptedServer.ByteAt(position), $"byte {position} must arrive in order");
        }
    }
}
