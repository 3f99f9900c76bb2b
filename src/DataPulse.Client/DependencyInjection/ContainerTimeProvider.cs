using Microsoft.Extensions.Options;

namespace DataPulse.Client.DependencyInjection;

/// <summary>Gives every DataPulse client the container's <see cref="TimeProvider"/> when its options kept the system clock.</summary>
internal sealed class ContainerTimeProvider(TimeProvider? containerClock) : IPostConfigureOptions<DataPulseClientOptions>
{
    public void PostConfigure(string? name, DataPulseClientOptions options)
    {
        if (containerClock is not null && ReferenceEquals(options.TimeProvider, TimeProvider.System))
        {
            options.TimeProvider = containerClock;
        }
    }
}
