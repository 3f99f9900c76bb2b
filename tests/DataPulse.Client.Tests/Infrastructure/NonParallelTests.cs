namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// Tests that measure process-wide figures (allocated bytes) run alone, after the parallel tests, so other tests'
/// allocations do not count against them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NonParallelTests
{
    public const string Name = "Non-parallel";
}
