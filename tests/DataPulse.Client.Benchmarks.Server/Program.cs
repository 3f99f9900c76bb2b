using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: DataPulse.Client.Benchmarks.Server [--export-bytes N] [--rate-limit-headers past|static|none]. Prints
// "listening <url>" once it accepts connections, and stops when its standard input closes (so it never outlives the
// benchmark that started it). The rate-limit headers: "past" (the default: a huge window with a reset long gone), "static"
// (Limit 100, Remaining 42, Reset now+60 on every answer, as a cache repeating them), "none".
var exportBytes = 1L << 30;
var rateLimitHeaders = "past";
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--export-bytes")
    {
        exportBytes = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--rate-limit-headers")
    {
        rateLimitHeaders = args[i + 1];
    }
}

var kpiJson = Encoding.UTF8.GetBytes(
    """{ "data": { "revenue": 2845000, "active_users": 18420, "conversion_rate": 0.042, "churn_risk": "low", "trend": "upward", "period": "30d" }, "meta": { "generated_at": "2025-01-15T08:30:00Z", "cache_hit": true } }""");
var chunk = new byte[64 * 1024];
Array.Fill(chunk, (byte)'x');
var connections = new ConnectionCounter();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxConcurrentConnections = null;
    kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
    {
        listen.Protocols = HttpProtocols.Http1;
        listen.Use(next => async context =>
        {
            connections.Opened();
            try
            {
                await next(context);
            }
            finally
            {
                connections.Closed();
            }
        });
    });
});

var app = builder.Build();

app.MapGet("/v1/analytics/kpis", (HttpContext context) =>
{
    AddUsualHeaders(context.Response);
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = kpiJson.Length;
    return context.Response.Body.WriteAsync(kpiJson, context.RequestAborted).AsTask();
});

app.MapPost("/v1/reports/export", async (HttpContext context) =>
{
    // The body is read so that the connection stays reusable; its content does not matter here.
    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
    var response = context.Response;
    AddUsualHeaders(response);
    response.ContentType = "text/csv";
    response.Headers.ContentDisposition = "attachment; filename=\"bench.csv\"";
    response.ContentLength = exportBytes;
    var left = exportBytes;
    while (left > 0)
    {
        var size = (int)Math.Min(left, chunk.Length);
        await response.Body.WriteAsync(chunk.AsMemory(0, size), context.RequestAborted);
        left -= size;
    }
});

// Connections opened since start and open now, so the load benchmark can report the sockets each client used.
app.MapGet("/stats", () => Results.Text(
    string.Create(CultureInfo.InvariantCulture, $"{connections.Total} {connections.Open}"), "text/plain"));

await app.StartAsync();
Console.WriteLine($"listening {app.Urls.First()}");
Console.Out.Flush();
await Console.In.ReadToEndAsync();
await app.StopAsync();

void AddUsualHeaders(HttpResponse response)
{
    var headers = response.Headers;
    headers["X-Trace-Id"] = "trc_bench0001";
    switch (rateLimitHeaders)
    {
        case "static":
            headers["X-RateLimit-Limit"] = "100";
            headers["X-RateLimit-Remaining"] = "42";
            headers["X-RateLimit-Reset"] = (TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + 60).ToString(CultureInfo.InvariantCulture);
            break;
        case "none":
            break;
        default:
            headers["X-RateLimit-Limit"] = "1000000";
            headers["X-RateLimit-Remaining"] = "999999";
            headers["X-RateLimit-Reset"] = "1736929800";
            break;
    }
}

internal sealed class ConnectionCounter
{
    private long _total;
    private long _open;

    public long Total => Interlocked.Read(ref _total);

    public long Open => Interlocked.Read(ref _open);

    public void Opened()
    {
        Interlocked.Increment(ref _total);
        Interlocked.Increment(ref _open);
    }

    public void Closed() => Interlocked.Decrement(ref _open);
}
