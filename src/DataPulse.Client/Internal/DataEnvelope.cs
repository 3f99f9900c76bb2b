namespace DataPulse.Client.Internal;

/// <summary>The <c>{ "data": …, "meta": … }</c> envelope some answers come in.</summary>
/// <remarks>
/// A class with setters rather than a positional record: System.Text.Json fills it without its constructor-argument
/// state, one allocation less per answer. Read once by the SDK and never handed out.
/// </remarks>
internal sealed class DataEnvelope<TData, TMeta> : IDataEnvelope
{
    public TData? Data { get; set; }

    public TMeta? Meta { get; set; }

    bool IDataEnvelope.HasData => Data is not null;
}
