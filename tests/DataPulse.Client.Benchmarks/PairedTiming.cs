using System.Diagnostics;
using System.Globalization;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// Time ratios that hold up on a shared, loaded machine: the variants run in turns of short batches, in a rotating
/// order, and each round's ratio to the baseline (measured moments apart) is kept; the median of those ratios is the
/// figure. BenchmarkDotNet runs one benchmark after another, so a neighbour's build landing on one of them skews it.
/// </summary>
public static class PairedTiming
{
    public static async Task RunAsync(string title, IReadOnlyList<(string Name, Func<Task> Call)> variants, int batch, int rounds)
    {
        // Warm-up: tiered JIT and dynamic PGO settle before anything is kept.
        for (var i = 0; i < 3; i++)
        {
            foreach (var (_, call) in variants)
            {
                for (var j = 0; j < batch; j++)
                {
                    await call();
                }
            }
        }

        var times = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < variants.Count; k++)
            {
                var v = (k + round) % variants.Count;
                var started = Stopwatch.GetTimestamp();
                for (var j = 0; j < batch; j++)
                {
                    await variants[v].Call();
                }

                times[v].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / batch);
            }
        }

        Console.WriteLine($"{title}: {rounds} rounds of {batch} calls per variant, interleaved");
        Console.WriteLine("| variant | median us/call | median of per-round ratios | middle half of the ratios |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var v = 0; v < variants.Count; v++)
        {
            var ratios = times[v].Zip(times[0], (mine, baseline) => mine / baseline).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variants[v].Name} | {Stats.Median(times[v]):0.0} | {Stats.Median(ratios):0.00}x | {ratios[ratios.Length / 4]:0.00}x to {ratios[ratios.Length * 3 / 4]:0.00}x |"));
        }

        Console.WriteLine();
    }
}
