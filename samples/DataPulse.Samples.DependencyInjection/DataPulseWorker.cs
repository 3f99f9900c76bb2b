using DataPulse.Client;
using DataPulse.Client.Analytics;
using DataPulse.Client.Customers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPulse.Samples.DependencyInjection;

/// <summary>
/// Reads a customer profile once, then the KPIs every <see cref="SampleOptions.Interval"/>, through resource clients
/// the container injects. After <see cref="SampleOptions.Iterations"/> reads (when set) it stops the host.
/// </summary>
public sealed class DataPulseWorker(
    IAnalyticsClient analytics,
    ICustomersClient customers,
    IOptions<SampleOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DataPulseWorker> logger) : BackgroundService
{
    private readonly SampleOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CallAsync("Customer", async cancellationToken =>
        {
            var customer = await customers.GetAsync(_options.CustomerId, cancellationToken);
            logger.CustomerRead(customer.CustomerId, customer.Segments, customer.LifetimeValue, customer.ChurnProbability);
        }, stoppingToken);

        using var timer = new PeriodicTimer(_options.Interval);
        for (var iteration = 1; ; iteration++)
        {
            await CallAsync("KPIs", async cancellationToken =>
            {
                var kpis = await analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail, cancellationToken);
                logger.KpisRead(kpis.Period, iteration, kpis.Revenue, kpis.ActiveUsers, kpis.ConversionRate, kpis.ChurnRisk, kpis.Trend);
            }, stoppingToken);

            if (iteration == _options.Iterations)
            {
                logger.Finished(iteration);
                lifetime.StopApplication();
                return;
            }

            // Throws OperationCanceledException on Ctrl+C: the host expects that from a worker it is stopping.
            await timer.WaitForNextTickAsync(stoppingToken);
        }
    }

    /// <summary>Runs one call; a DataPulse failure becomes one readable log line and the worker carries on.</summary>
    private async Task CallAsync(string operation, Func<CancellationToken, Task> call, CancellationToken stoppingToken)
    {
        try
        {
            await call(stoppingToken);
        }
        catch (DataPulseRateLimitException ex)
        {
            // The client already retried; honour the wait the server asked for before the next call.
            var wait = ex.RetryAfter ?? _options.Interval;
            logger.RateLimited(operation, wait);
            await Task.Delay(wait, stoppingToken);
        }
        catch (DataPulseException ex)
        {
            logger.CallFailed(operation, ex.Message);
        }
    }
}
