using System.Text.Json.Serialization;
using DataPulse.Client;
using DataPulse.Client.Analytics;
using DataPulse.Client.Reports;
using DataPulse.Client.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace DataPulse.Snippets;

/// <summary>Each method holds one README snippet, as written there.</summary>
public static class ReadmeSnippets
{
    public static async Task QuickstartAsync()
    {
        await using var sandbox = DataPulseSandbox.Start(); // a fake DataPulse API on a loopback port, seeded data
        using var client = sandbox.CreateClient();

        KpiSummary kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);
        Console.WriteLine($"Revenue {kpis.Revenue:N2}, trend {kpis.Trend}, churn risk {kpis.ChurnRisk}");

        QueryResult result = await client.Analytics.QueryAsync("SELECT region, SUM(revenue) FROM transactions GROUP BY region", limit: 50);
        foreach (var row in result.Rows)
        {
            Console.WriteLine($"{row.GetString("region")}: {row.GetDecimal(1)}");
        }
    }

    public static void QuickstartWithYourKey()
    {
        using var client = new DataPulseClient(Environment.GetEnvironmentVariable("DATAPULSE_API_KEY")!);
    }

    public static DataPulseClient Configuration() =>
        new(new DataPulseClientOptions
        {
            ApiKey = "dp_live_sk_…",
            BaseAddress = DataPulseClientOptions.SandboxBaseAddress, // default: production, https://api.datapulse.io
            Timeout = TimeSpan.FromSeconds(60),                      // the whole call, across retries
            MaxRetries = 5,
            ApplicationId = "acme-billing/2.1",                      // appended to the User-Agent
        });

    public static async Task PerCallOptionsAsync(
        DataPulseClient client, string correlationId, DataPulse.Client.Predictions.PredictionRequest request, Guid orderId, CancellationToken cancellationToken)
    {
        var options = new DataPulseRequestOptions
        {
            Timeout = TimeSpan.FromSeconds(5),                 // this call, across its attempts and waits
            MaxRetries = 0,                                    // send it once
            Headers = { ["X-Correlation-Id"] = correlationId }, // sent on each of its requests
        };
        KpiSummary kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail, options, cancellationToken);

        // One logical POST you may repeat yourself (after a crash, say): the server deduplicates it by its key.
        var prediction = await client.Predictions.PredictAsync(request, new DataPulseRequestOptions { IdempotencyKey = orderId.ToString() }, cancellationToken);
    }

    public static void SandboxInDependencyInjection(IServiceCollection services, DataPulseSandbox sandbox)
    {
        services.AddDataPulseSandbox(sandbox);                         // the default client, on a sandbox you own
        services.AddDataPulseSandbox(sandbox, o => o.MaxRetries = 0);  // with a change of your own, after the sandbox's
        services.AddDataPulseSandbox();                                // on a sandbox the container starts and stops
        services.AddDataPulse("tenant-a", sandbox.ConfigureOptions);   // a named client
    }

    public static async Task ErrorsAsync(DataPulseClient client)
    {
        try
        {
            var customer = await client.Customers.GetAsync("crm:42/a b");
        }
        catch (DataPulseNotFoundException)
        {
            // no such customer
        }
        catch (DataPulseRateLimitException ex)
        {
            Console.WriteLine($"Rate limited; retry after {ex.RetryAfter}.");
        }
        catch (DataPulseApiException ex)
        {
            Console.WriteLine($"DataPulse said {(int)ex.StatusCode} {ex.ErrorCode}; quote trace id {ex.TraceId} to support.");
        }
    }

    public static void ExtendOrReplaceThePipeline(DataPulseClientOptions options)
    {
        options.ConfigureResilience = builder => builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>());

        options.ResiliencePipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage> { MaxRetryAttempts = 5 })
            .Build();
    }

    public static async Task ExportToFileAsync(DataPulseClient client, string folder)
    {
        var saved = await client.Reports.ExportToFileAsync(
            new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Pdf },
            Path.Combine(folder, "q3.pdf"),
            new Progress<DownloadProgress>(p => Console.Write($"\r{p.BytesReceived:N0} / {p.TotalBytes?.ToString("N0") ?? "?"} bytes")));
        Console.WriteLine($"Saved {saved.FileName}: {saved.Length:N0} bytes to {saved.Path}");
    }

    public static async Task PollYourselfAsync(DataPulseClient client, ReportExportRequest request)
    {
        await using var start = await client.Reports.StartExportAsync(request);
        if (!start.IsReady)
        {
            var status = await client.Reports.GetReportStatusAsync(start.Pending!.ReportId); // status.RetryAfter: when to ask again
            // ... once status.Status == ReportStatus.Ready:
            await using var file = await client.Reports.DownloadReportAsync(status.ReportId);
        }
    }

    public static async Task SchedulesAsync(DataPulseClient client)
    {
        var schedule = await client.Reports.CreateScheduleAsync(new ReportScheduleRequest
        {
            TemplateId = "tmpl_q3_performance", Format = ReportFormat.Pdf,
            Cron = "0 6 * * 1", TimeZone = "Europe/Berlin", Recipients = ["ops@example.com"],
        });

        await foreach (var s in client.Reports.ListSchedulesAsync(pageSize: 50)) // follows next_cursor page by page
        {
            Console.WriteLine($"{s.ScheduleId} next run {s.NextRunAt}");
        }

        var page = await client.Reports.GetSchedulesPageAsync(cursor: null, pageSize: 50); // page.NextCursor for the next one
        await client.Reports.DeleteScheduleAsync(schedule.ScheduleId);
    }

    public static async Task TypedRowsAsync(DataPulseClient client, QueryRequest request)
    {
        var result = await client.Analytics.QueryAsync(
            new QueryRequest { Sql = "SELECT region, SUM(revenue) AS sum_revenue FROM transactions GROUP BY region" },
            AppJsonContext.Default.RegionRevenue);
        foreach (var row in result.Rows)
        {
            Console.WriteLine($"{row.Region}: {row.SumRevenue}");
        }

        var pairs = await client.Analytics.QueryAsync(request, row => (row.GetString("region"), row.GetDecimal("sum_revenue")));
    }

    public static void DependencyInjection(HostApplicationBuilder builder, IServiceCollection services)
    {
        builder.Services.AddDataPulse(builder.Configuration.GetSection("DataPulse"));
        // or: builder.Services.AddDataPulse(o => o.ApiKey = key);

        services.AddDataPulse("tenant-a", builder.Configuration.GetSection("DataPulse:TenantA"));
    }

    public static IDataPulseClient NamedClient(IDataPulseClientFactory factory) => factory.Create("tenant-a");
}

public sealed record RegionRevenue(string Region, decimal? SumRevenue);

[JsonSerializable(typeof(RegionRevenue))]
public sealed partial class AppJsonContext : JsonSerializerContext;

public sealed class Billing([FromKeyedServices("tenant-a")] IDataPulseClient dataPulse)
{
    public IDataPulseClient DataPulse => dataPulse;
}
