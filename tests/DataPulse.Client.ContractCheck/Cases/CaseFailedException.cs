namespace DataPulse.Client.ContractCheck.Cases;

/// <summary>The SDK's outcome was not the one the case expects (a wrong result, the wrong exception, no exception).</summary>
internal sealed class CaseFailedException(string message) : Exception(message);
