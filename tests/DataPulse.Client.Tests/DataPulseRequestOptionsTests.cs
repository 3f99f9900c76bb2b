using DataPulse.Client.Analytics;
using DataPulse.Client.Customers;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests;

/// <summary>
/// <see cref="DataPulseRequestOptions"/>: every invalid setting is refused before anything is sent, in one
/// <see cref="ArgumentException"/> naming it; what reaches the call path is covered by <c>Pipeline/RequestOptionsTests</c>.
/// </summary>
public sealed class DataPulseRequestOptionsTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public DataPulseRequestOptionsTests(ApiServer api) => _api = api.Reset().AnswerEveryCallWithAProfile();

    public static TheoryData<string, Action<DataPulseRequestOptions>> BadSettings => new()
    {
        { "Timeout", o => o.Timeout = TimeSpan.Zero },
        { "Timeout", o => o.Timeout = TimeSpan.FromDays(2) },
        { "AttemptTimeout", o => o.AttemptTimeout = TimeSpan.FromSeconds(-1) },
        { "AttemptTimeout", o => (o.Timeout, o.AttemptTimeout) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6)) },
        { "MaxRetries", o => o.MaxRetries = -1 },
        { "MaxRetries", o => o.MaxRetries = 11 },
        { "IdempotencyKey", o => o.IdempotencyKey = "not-a-guid" },
        { "X-Bad Name", o => o.Headers["X-Bad Name"] = "1" },
        { "X-Injected", o => o.Headers["X-Injected"] = "1\r\nAuthorization: Bearer stolen" },
        { "X-Null", o => o.Headers["X-Null"] = null! },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Call_BadSetting_ThrowsNamingItAndSendsNothing(string named, Action<DataPulseRequestOptions> spoil)
    {
        using var client = _api.CreateClient();
        var options = new DataPulseRequestOptions();
        spoil(options);

        var thrown = (await client.Analytics.Invoking(a => a.QueryAsync(new QueryRequest { Sql = "SELECT 1" }, options))
            .Should().ThrowAsync<ArgumentException>()).Which;

        thrown.ParamName.Should().Be("requestOptions");
        thrown.Message.Should().Contain(named);
        _api.ShouldHaveReceivedNothing();
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("authorization")]
    [InlineData("User-Agent")]
    [InlineData("Accept")]
    [InlineData("Idempotency-Key")]
    [InlineData("Content-Type")]
    [InlineData("content-length")]
    [InlineData("Expires")]
    public async Task Call_ReservedHeader_IsRefusedNamingItAndNothingIsSent(string header)
    {
        using var client = _api.CreateClient();
        var options = new DataPulseRequestOptions { Headers = { [header] = "mine" } };

        var thrown = (await client.Customers.Invoking(c => c.GetAsync("cust_1", options)).Should().ThrowAsync<ArgumentException>()).Which;

        thrown.Message.Should().Contain(header).And.Contain("cannot be set per call");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task Call_SeveralProblems_AreAllNamedInOneException()
    {
        using var client = _api.CreateClient();
        var options = new DataPulseRequestOptions { Timeout = TimeSpan.Zero, MaxRetries = 42, Headers = { ["Authorization"] = "Bearer x" } };

        var thrown = (await client.Customers.Invoking(c => c.GetAsync("cust_1", options)).Should().ThrowAsync<ArgumentException>()).Which;

        thrown.Message.Should().Contain("Timeout").And.Contain("MaxRetries").And.Contain("Authorization");
        thrown.Message.Should().NotContain("Bearer x", "a header's value is never quoted");
    }

    [Fact]
    public async Task Call_IdempotencyKeyOnAGet_IsRefused()
    {
        using var client = _api.CreateClient();

        var thrown = (await client.Customers.Invoking(c => c.GetAsync("cust_1", new DataPulseRequestOptions { IdempotencyKey = Guid.NewGuid().ToString() }))
            .Should().ThrowAsync<ArgumentException>()).Which;

        thrown.Message.Should().Contain("IdempotencyKey is only for operations that send a POST");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task Call_DifferentIdempotencyKeysOnRequestAndOptions_AreRefused()
    {
        using var client = _api.CreateClient();
        var request = new QueryRequest { Sql = "SELECT 1", IdempotencyKey = Guid.NewGuid().ToString() };

        var thrown = (await client.Analytics.Invoking(a => a.QueryAsync(request, new DataPulseRequestOptions { IdempotencyKey = Guid.NewGuid().ToString() }))
            .Should().ThrowAsync<ArgumentException>()).Which;

        thrown.ParamName.Should().Be("requestOptions");
        thrown.Message.Should().Contain("set it in one place");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public void Valid_EdgeValues_PassTheChecks()
    {
        var options = new DataPulseRequestOptions
        {
            Timeout = TimeSpan.FromDays(1),
            AttemptTimeout = TimeSpan.FromDays(1),
            MaxRetries = 10,
            IdempotencyKey = "{" + Guid.NewGuid() + "}",
            Headers = { ["X-Tab"] = "a\tb", ["X-Empty"] = "", ["x-~!#$%&'*+.^_`|"] = "ok" },
        };

        Configuration.CallOptions.From(options, sendsPost: true).Should().NotBeNull();
        Configuration.CallOptions.From(new DataPulseRequestOptions { MaxRetries = 0 }, sendsPost: false)!.MaxRetries.Should().Be(0);
        Configuration.CallOptions.From(null, sendsPost: true).Should().BeNull();
    }

    [Fact]
    public void CallOptions_AreACopy_ChangingTheOptionsLaterChangesNothing()
    {
        var options = new DataPulseRequestOptions { Timeout = TimeSpan.FromSeconds(5), Headers = { ["X-A"] = "1" } };

        var copy = Configuration.CallOptions.From(options, sendsPost: false)!;
        options.Timeout = TimeSpan.FromSeconds(50);
        options.Headers["X-A"] = "2";
        options.Headers["X-B"] = "3";

        copy.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        copy.Headers.Should().BeEquivalentTo([new KeyValuePair<string, string>("X-A", "1")]);
    }

    [Fact]
    public void Headers_AreMatchedIgnoringCase()
    {
        var options = new DataPulseRequestOptions { Headers = { ["X-Tenant"] = "acme" } };

        options.Headers["x-tenant"] = "globex";

        options.Headers.Should().ContainSingle().Which.Value.Should().Be("globex");
    }

    [Fact]
    public void ToString_NamesHeadersButNotTheirValues()
    {
        var options = new DataPulseRequestOptions { Timeout = TimeSpan.FromSeconds(5), MaxRetries = 0, Headers = { ["X-Secret-Token"] = "s3cr3t" } };

        options.ToString().Should().Be("DataPulseRequestOptions { Timeout = 00:00:05, MaxRetries = 0, Headers = [X-Secret-Token] }");
        new DataPulseRequestOptions().ToString().Should().Be("DataPulseRequestOptions { }");
    }

    [Fact]
    public async Task Overload_OnAnImplementationWrittenWithoutIt_CallsTheOverloadWithoutOptions()
    {
        // A fake written against the interface as it was: the new overload still works, without the options.
        ICustomersClient fake = new OldFake();

        var profile = await fake.GetAsync("cust_1", new DataPulseRequestOptions { MaxRetries = 0 });

        profile.CustomerId.Should().Be("cust_1");
    }

    private sealed class OldFake : ICustomersClient
    {
        public Task<CustomerProfile> GetAsync(string customerId, CancellationToken cancellationToken = default) =>
            Task.FromResult(new CustomerProfile { CustomerId = customerId, Segments = [] });
    }
}
