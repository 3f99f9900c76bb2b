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

namespace DataPulse.Client.ContractCheck.WrongAnswers;

/// <summary>
/// A server that answers a few operations wrongly on purpose, each in one way the OpenAPI document forbids. Prism in
/// front of it must report every one: Prism silently accepts a schema it cannot compile, so a check that only ever sees
/// clean answers proves nothing. Each wrong answer tries one kind of rule the real check relies on.
/// </summary>
internal sealed class WrongAnswerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WrongAnswerServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<WrongAnswerServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();

        // An integer sent as a string (a $ref'd envelope, "type: integer").
        app.MapGet("/v1/analytics/kpis", context => Json(context, 200,
            """{"data":{"revenue":2845000,"active_users":"many","conversion_rate":0.042,"churn_risk":"low","trend":"upward","period":"30d"},"meta":{"generated_at":"2025-01-15T08:30:00Z","cache_hit":true}}"""));

        // A timestamp that is no date-time (format checks, inside a oneOf with null).
        app.MapGet("/v1/customers/cust_92f8a3b1", context => Json(context, 200,
            """{"customer_id":"cust_92f8a3b1","segments":[],"lifetime_value":1,"last_interaction":"yesterday","churn_probability":0.1}"""));

        // A 404 whose error type belongs to another status (allOf with a const).
        app.MapGet("/v1/customers/{id}", context => Json(context, 404,
            """{"error":{"type":"api_error","code":"customer_not_found","message":"No such customer.","param":null,"trace_id":"trc_wrong"}}"""));

        // A query cell that is an object (OpenAPI 3.1 type arrays: string, number, boolean or null).
        app.MapPost("/v1/analytics/query", context => Json(context, 200,
            """{"data":{"columns":[{"name":"region","type":"string"}],"rows":[[{"name":"EMEA"}]]},"meta":{"query_id":"qry_1","row_count":1,"truncated":false,"execution_time_ms":1,"generated_at":"2025-01-15T08:30:00Z"}}"""));

        // A required response header left out (X-Trace-Id).
        app.MapGet("/v1/reports/schedules", context => Json(context, 200, """{"data":[],"meta":{"next_cursor":null}}""", traceId: false));

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new WrongAnswerServer(app, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{new Uri(address).Port}/")));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A JSON answer with the contract's headers (all but the one a case leaves out on purpose).</summary>
    private static Task Json(HttpContext context, int status, string body, bool traceId = true)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (traceId)
        {
            response.Headers["X-Trace-Id"] = "trc_wrong";
        }

        response.Headers["X-RateLimit-Limit"] = "1000";
        response.Headers["X-RateLimit-Remaining"] = "999";
        response.Headers["X-RateLimit-Reset"] = "1736929860";
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
