namespace DataPulse.Client.Errors;

/// <summary>
/// An attempt was cut short by the SDK's own deadline: the attempt's (<see cref="Overall"/> false) or what was left of
/// the call's overall one. Travels up the stages as an outcome; the outcome stage turns it into the documented exception.
/// </summary>
internal sealed class DeadlineExceededException(bool overall, TimeSpan timeout, string setting)
    : TimeoutException(overall ? "The call's overall deadline passed." : "The attempt's deadline passed.")
{
    public bool Overall { get; } = overall;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>The setting the deadline came from, for example <c>DataPulseRequestOptions.Timeout</c>.</summary>
    public string Setting { get; } = setting;
}
