// A web app on DataPulse.Client. In Development without a DataPulse:ApiKey it calls the in-process sandbox (seeded data,
// no key, no network), started with the app and stopped with it; with a key, or in any other environment, it calls the
// API that configuration names: appsettings.json says Production, appsettings.Development.json the DataPulse-hosted
// sandbox (Environment: Sandbox, https://sandbox.datapulse.io, for a dp_test_sk_ key kept in user secrets).
//   dotnet run --project samples/DataPulse.Samples.WebApp        then  GET http://localhost:5080/kpis/retail
using DataPulse.Client;
using DataPulse.Client.Analytics;
using DataPulse.Samples.WebApp;

var builder = WebApplication.CreateBuilder(args);

if (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(builder.Configuration["DataPulse:ApiKey"]))
{
    // The in-process DataPulseSandbox (DataPulse.Client.Testing), owned by the container.
    builder.Services.AddDataPulseSandbox(configure: options => options.ApplicationId = "datapulse-webapp-sample/1.0");
}
else
{
    builder.Services.AddDataPulse(builder.Configuration.GetSection("DataPulse"));
}

var app = builder.Build();

app.MapGet("/kpis/{vertical}", async (string vertical, IAnalyticsClient analytics, CancellationToken cancellationToken) =>
{
    var kpis = await analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, new Vertical(vertical), cancellationToken);
    return Results.Ok(new KpiView(vertical, kpis.Revenue, kpis.ActiveUsers, kpis.Trend.Value, kpis.Response.TraceId));
});

app.MapGet("/customers/{id}", async (string id, IDataPulseClient dataPulse, CancellationToken cancellationToken) =>
{
    try
    {
        var customer = await dataPulse.Customers.GetAsync(id, cancellationToken);
        return Results.Ok(new CustomerView(customer.CustomerId, customer.Segments, customer.LifetimeValue));
    }
    catch (DataPulseNotFoundException)
    {
        return Results.NotFound();
    }
});

app.Run();

/// <summary>The app's entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c> in its tests.</summary>
public partial class Program;
