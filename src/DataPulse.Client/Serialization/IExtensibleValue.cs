namespace DataPulse.Client.Serialization;

/// <summary>
/// A string-backed value from a set the server may grow. Lets one JSON converter serve every such type
/// without reflection.
/// </summary>
internal interface IExtensibleValue<TSelf>
    where TSelf : struct, IExtensibleValue<TSelf>
{
    string Value { get; }

    static abstract TSelf FromWire(string value);
}
