namespace DataPulse.Client.Internal;

/// <summary>Lets the response reader tell an envelope that arrived without its <c>data</c> from a readable answer.</summary>
internal interface IDataEnvelope
{
    bool HasData { get; }
}
