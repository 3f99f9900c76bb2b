using DataPulse.Client.Testing;

namespace DataPulse.Client.Testing.Tests.Scenarios;

/// <summary>What a sandbox's clients learn about its rate limit stays with that sandbox, and <see cref="DataPulseSandbox.Reset"/> forgets it.</summary>
public sealed class ResetRateLimitsTests : IAsyncLifetime
{
    private DataPulseSandbox _sandbox = null!;

    public Task InitializeAsync()
    {
        _sandbox = DataPulseSandbox.Start();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _sandbox.DisposeAsync().AsTask();

    [Fact]
    public async Task LongRateLimit_HoldsEveryClientOfTheSandbox_UntilReset()
    {
        _sandbox.RateLimitNextCalls(1, TimeSpan.FromSeconds(90));
        using var first = _sandbox.CreateClient();
        await first.Invoking(c => c.Customers.GetAsync("cust_92f8a3b1")).Should().ThrowAsync<DataPulseRateLimitException>();
        using var second = _sandbox.CreateClient();

        var held = await second.Invoking(c => c.Customers.GetAsync("cust_92f8a3b1")).Should().ThrowAsync<DataPulseRateLimitException>();
        _sandbox.Reset();
        using var afterReset = _sandbox.CreateClient();
        var customer = await afterReset.Customers.GetAsync("cust_92f8a3b1").WaitAsync(TimeSpan.FromSeconds(10));

        held.Which.ClientReason.Should().Be(DataPulseClientReason.RateLimitPaused, "the pause the first client was told holds its neighbour");
        customer.CustomerId.Should().Be("cust_92f8a3b1", "Reset forgets the pause along with the scenario");
    }

    [Fact]
    public async Task ShortRateLimit_DoesNotDelayTheNextTestAfterReset()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var sandbox = DataPulseSandbox.Start(new DataPulseSandboxOptions { TimeProvider = clock });
        sandbox.RateLimitNextCalls(1, TimeSpan.FromSeconds(3));
        using var first = sandbox.CreateClient(o => o.MaxRetries = 0);
        await first.Invoking(c => c.Customers.GetAsync("cust_92f8a3b1")).Should().ThrowAsync<DataPulseRateLimitException>();

        sandbox.Reset();
        using var next = sandbox.CreateClient();

        // The sandbox's clock never moves: a pause that survived Reset would hold this call for good.
        (await next.Customers.GetAsync("cust_92f8a3b1").WaitAsync(TimeSpan.FromSeconds(10))).CustomerId.Should().Be("cust_92f8a3b1");
    }

    [Fact]
    public async Task TwoSandboxes_NeverSeeEachOthersRateLimits()
    {
        await using var other = DataPulseSandbox.Start();
        _sandbox.RateLimitNextCalls(1, TimeSpan.FromSeconds(90));
        using var limited = _sandbox.CreateClient();
        await limited.Invoking(c => c.Customers.GetAsync("cust_92f8a3b1")).Should().ThrowAsync<DataPulseRateLimitException>();

        using var client = other.CreateClient();

        (await client.Customers.GetAsync("cust_92f8a3b1").WaitAsync(TimeSpan.FromSeconds(10))).CustomerId.Should().Be("cust_92f8a3b1");
    }

    [Fact]
    public void CreateOptions_UsesTheSandboxesClock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var sandbox = DataPulseSandbox.Start(new DataPulseSandboxOptions { TimeProvider = clock });

        sandbox.CreateOptions().TimeProvider.Should().BeSameAs(clock);
    }
}
