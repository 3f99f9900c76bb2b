using System.Globalization;
using System.Net;
using DataPulse.Client.Testing.Authentication;
using DataPulse.Client.Testing.Latency;
using DataPulse.Client.Testing.Operations;
using DataPulse.Client.Testing.Pipeline;
using DataPulse.Client.Testing.RateLimiting;
using DataPulse.Client.Testing.RequestLog;
using DataPulse.Client.Testing.Resources;
using DataPulse.Client.Testing.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPulse.Client.Testing.Hosting;

/// <summary>
/// Kestrel on 127.0.0.1 and a free port, with ASP.NET Core routing and the sandbox's middleware in the order every
/// request goes through them: request log, latency, rate limit, scenarios, key check, unknown operations, the operation.
/// Built empty: no configuration, environment variables, logging or other host defaults of the application around it.
/// </summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private SandboxHost(WebApplication app, CancellationTokenSource stopping, Uri baseAddress)
    {
        _app = app;
        _stopping = stopping;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SandboxHost> StartAsync(SandboxState state)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        // A client that never finishes its request must not hold up Dispose for the host's default 30 seconds.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        var requestLog = new RequestLogMiddleware(state);
        var latency = new LatencyMiddleware(state, stopping.Token);
        var rateLimit = new RateLimitMiddleware(state);
        var scenarios = new ScenarioMiddleware(state);
        app.Use(WirePath.InvokeAsync);
        app.UseRouting();
        app.Use(requestLog.InvokeAsync);
        app.Use(latency.InvokeAsync);
        app.Use(rateLimit.InvokeAsync);
        app.Use(scenarios.InvokeAsync);
        app.Use(ApiKeyMiddleware.InvokeAsync);
        app.Use(UnknownOperationMiddleware.InvokeAsync);
        AnalyticsRoutes.Map(app);
        CustomersRoutes.Map(app);
        PredictionsRoutes.Map(app);
        ReportsRoutes.Map(app);
        SchedulesRoutes.Map(app);

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var port = new Uri(address).Port;
        return new SandboxHost(app, stopping, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
