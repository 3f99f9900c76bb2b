using Microsoft.Extensions.DependencyInjection;

namespace DataPulse.Client.DependencyInjection;

internal sealed class DataPulseBuilder(string name, IServiceCollection services, IHttpClientBuilder httpClientBuilder) : IDataPulseBuilder
{
    public string Name { get; } = name;

    public IServiceCollection Services { get; } = services;

    public IHttpClientBuilder HttpClientBuilder { get; } = httpClientBuilder;
}
