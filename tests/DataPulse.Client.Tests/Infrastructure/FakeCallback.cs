using System.Net;
using DataPulse.Client.Calls;
using Polly;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// The callback under a stage being tested alone, in place of everything inside it (Polly's strategy tests): answers each
/// attempt from a script of steps, the last one repeating; counts the attempts and records each one's operation, in the
/// order they arrived. Every response it makes is fresh and carries a <see cref="TrackedContent"/>, so a test can tell
/// whether a stage disposed it or read its body.
/// </summary>
internal sealed class FakeCallback
{
    /// <summary>The callback to hand to <c>ExecuteOutcomeAsync</c>, with the fake as its state.</summary>
    public static readonly Func<ResilienceContext, FakeCallback, ValueTask<Outcome<HttpResponseMessage>>> Invoke =
        static (context, fake) => fake.AttemptAsync(context);

    private readonly List<Func<ResilienceContext, ValueTask<Outcome<HttpResponseMessage>>>> _steps = [];
    private readonly List<string> _operations = [];
    private readonly List<HttpResponseMessage> _responses = [];

    /// <summary>How many attempts reached the callback.</summary>
    public int Calls
    {
        get
        {
            lock (_operations)
            {
                return _operations.Count;
            }
        }
    }

    /// <summary>The operation of each attempt that reached the callback, in the order they arrived.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_operations)
            {
                return _operations.ToArray();
            }
        }
    }

    /// <summary>Every response the callback handed out, in order.</summary>
    public IReadOnlyList<HttpResponseMessage> Responses
    {
        get
        {
            lock (_responses)
            {
                return _responses.ToArray();
            }
        }
    }

    /// <summary>A response with <paramref name="status"/>, <paramref name="headers"/> and a small tracked JSON body.</summary>
    public static HttpResponseMessage Response(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new TrackedContent("""{"data":{}}"""u8.ToArray()) };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static bool IsDisposed(HttpResponseMessage response) =>
        response.Content is TrackedContent tracked ? tracked.IsDisposed : throw new InvalidOperationException("Not a response the fake made.");

    /// <summary>Answers with a fresh response each time this step runs.</summary>
    public FakeCallback Returns(HttpStatusCode status, params (string Name, string Value)[] headers) =>
        Runs(_ => new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromResult(Made(Response(status, headers)))));

    /// <summary>Ends the attempt with <paramref name="exception"/> as its outcome, as the stages below report a failure.</summary>
    public FakeCallback Fails(Exception exception) =>
        Runs(_ => new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromException<HttpResponseMessage>(exception)));

    /// <summary>Waits <paramref name="delay"/> on <paramref name="clock"/>, cut short by the attempt's token (an outcome of cancellation), then answers <paramref name="status"/>.</summary>
    public FakeCallback Waits(TimeSpan delay, TimeProvider clock, HttpStatusCode status = HttpStatusCode.OK) =>
        Runs(async context =>
        {
            try
            {
                await Task.Delay(delay, clock, context.CancellationToken);
            }
            catch (OperationCanceledException canceled)
            {
                return Outcome.FromException<HttpResponseMessage>(canceled);
            }

            return Outcome.FromResult(Made(Response(status)));
        });

    /// <summary>Holds the attempt until <paramref name="release"/> completes, then answers <paramref name="status"/> with <paramref name="headers"/>.</summary>
    public FakeCallback HoldsUntil(Task release, HttpStatusCode status, params (string Name, string Value)[] headers) =>
        Runs(async _ =>
        {
            await release;
            return Outcome.FromResult(Made(Response(status, headers)));
        });

    /// <summary>Any step of the test's own.</summary>
    public FakeCallback Runs(Func<ResilienceContext, ValueTask<Outcome<HttpResponseMessage>>> step)
    {
        _steps.Add(step);
        return this;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> attempts have reached the callback. Stages hand attempts on from thread-pool
    /// continuations (an answer wakes a waiter), which only real time lets run: bounded at 5 s of it.
    /// </summary>
    public async Task WaitForCallsAsync(int count)
    {
        var giveUp = TimeProvider.System.GetUtcNow().AddSeconds(5);
        while (Calls < count)
        {
            if (TimeProvider.System.GetUtcNow() > giveUp)
            {
                throw new TimeoutException($"{count} attempts did not reach the callback within 5 s of real time ({Calls} did).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
        }
    }

    private ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context)
    {
        int index;
        lock (_operations)
        {
            index = _operations.Count;
            _operations.Add(CallContext.Of(context).Operation);
        }

        if (_steps.Count == 0)
        {
            throw new InvalidOperationException("The fake callback has no steps.");
        }

        return _steps[Math.Min(index, _steps.Count - 1)](context);
    }

    private HttpResponseMessage Made(HttpResponseMessage response)
    {
        lock (_responses)
        {
            _responses.Add(response);
        }

        return response;
    }

    /// <summary>A body that says whether it was read or disposed.</summary>
    public sealed class TrackedContent(byte[] body) : ByteArrayContent(body)
    {
        private int _disposed;
        private int _read;

        public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

        public bool WasRead => Volatile.Read(ref _read) == 1;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            Interlocked.Exchange(ref _read, 1);
            return base.SerializeToStreamAsync(stream, context);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _read, 1);
            return base.SerializeToStreamAsync(stream, context, cancellationToken);
        }

        protected override Task<Stream> CreateContentReadStreamAsync()
        {
            Interlocked.Exchange(ref _read, 1);
            return base.CreateContentReadStreamAsync();
        }

        protected override Stream CreateContentReadStream(CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _read, 1);
            return base.CreateContentReadStream(cancellationToken);
        }

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _read, 1);
            return base.CreateContentReadStreamAsync(cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            Interlocked.Exchange(ref _disposed, 1);
            base.Dispose(disposing);
        }
    }
}
