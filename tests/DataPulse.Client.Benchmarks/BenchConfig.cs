using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// Few but long iterations: the machine is shared by several engineers, so each iteration is long enough (250 ms) for
/// one noisy moment to weigh little, and the median is shown beside the mean. Ratios only; absolute times mean nothing here.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig() =>
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Shared2Core"));
}
