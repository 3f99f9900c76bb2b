namespace DataPulse.Client.Internal;

/// <summary>The <c>{ "data": …, "meta": … }</c> envelope some answers come in.</summary>
internal sealed record DataEnvelope<TData, TMeta>(TData Data, TMeta Meta) : IDataEnvelope
{
    bool IDataEnvelope.HasData => Data is not null;
}
