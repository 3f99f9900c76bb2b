using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DataPulse.Client.LoadScenarios.Zoo;

/// <summary>
/// Kestrel on a free loopback port answering <c>GET /v1/customers/{id}</c> by a <see cref="ZooBehaviour"/> on a given clock
/// (a fake one in the tests, the system's in the scenarios), with a contract-shaped body. It counts requests, 429s and the
/// most requests it had in progress at once; <see cref="HoldUntilInFlight"/> makes it hold answers until that many are in
/// progress (or a real-time limit passes), so a test can see how many requests a client lets out at once.
/// </summary>
public sealed class ZooServer : IAsyncDisposable
{
    private static readonly byte[] Customer = Encoding.UTF8.GetBytes(
        """{ "customer_id": "cust_1", "segments": [], "lifetime_value": 1.5, "last_interaction": null, "churn_probability": null }""");

    private static readonly byte[] Refused = Encoding.UTF8.GetBytes(
        """{ "error": { "type": "rate_limit_error", "code": "rate_limit_exceeded", "message": "Too many requests.", "param": null, "trace_id": "trc_zoo" } }""");

    private readonly WebApplication _app;
    private readonly ZooBehaviour _behaviour;
    private readonly TimeProvider _clock;
    private readonly TaskCompletionSource _enoughInFlight = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> _arrivals = new();
    private int _inFlight;
    private int _maxInFlight;
    private int _requests;
    private int _refused;

    private ZooServer(WebApplication app, ZooBehaviour behaviour, TimeProvider clock, Uri baseAddress)
    {
        _app = app;
        _behaviour = behaviour;
        _clock = clock;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ZooBehaviour Behaviour => _behaviour;

    public int Requests => Volatile.Read(ref _requests);

    public int TooManyRequests => Volatile.Read(ref _refused);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>When each request was answered, on the server's clock, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Arrivals => [.. _arrivals];

    /// <summary>Answers wait until this many requests are in progress (at most <see cref="HoldLimit"/> of real time); 0 holds nothing.</summary>
    public int HoldUntilInFlight { get; set; }

    public TimeSpan HoldLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Real time each answer takes (a server's work), on the system clock: the scenarios' latency.</summary>
    public TimeSpan Latency { get; set; }

    public static async Task<ZooServer> StartAsync(ZooBehaviour behaviour, TimeProvider clock)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var server = (ZooServer?)null;
        app.Run(context => server!.AnswerAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        server = new ZooServer(app, behaviour, clock, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{address.Port}/")));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _enoughInFlight.TrySetResult();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            Interlocked.Increment(ref _requests);
            for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
            {
                Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
            }

            if (HoldUntilInFlight > 0)
            {
                if (inFlight >= HoldUntilInFlight)
                {
                    _enoughInFlight.TrySetResult();
                }

                try
                {
                    // Real time on purpose: a bound on how long a test waits for the client's concurrency, not the server's clock.
                    await _enoughInFlight.Task.WaitAsync(HoldLimit, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Not that many came: answer anyway; the test reads MaxInFlight.
                    _enoughInFlight.TrySetResult();
                }
            }

            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
            }

            var now = _clock.GetUtcNow();
            _arrivals.Enqueue(now);
            var answer = _behaviour.Answer(now, inFlight);
            var response = context.Response;
            response.StatusCode = answer.Status;
            response.ContentType = "application/json";
            response.Headers.Date = _clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
            response.Headers["X-Trace-Id"] = "trc_zoo";
            foreach (var (name, value) in answer.Headers)
            {
                response.Headers[name] = value;
            }

            if (answer.Status == 429)
            {
                Interlocked.Increment(ref _refused);
            }

            var body = answer.Status == 200 ? Customer : Refused;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
