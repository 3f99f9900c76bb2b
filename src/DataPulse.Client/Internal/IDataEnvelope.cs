namespace DataPulse.Client.Internal;

/// <summary>Lets <see cref="ApiCall"/> tell an envelope that arrived without its <c>data</c> from a readable answer.</summary>
internal interface IDataEnvelope
{
    bool HasData { get; }
}
