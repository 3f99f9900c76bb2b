namespace DataPulse.Client.Http;

/// <summary>
/// A result that carries the facts of the answer it was decoded from (<see cref="DataPulseResponseInfo"/>): the response
/// reader sets them on the decoded value itself, which no caller has seen yet, instead of copying it with <c>with</c>.
/// </summary>
internal interface IAnsweredResult
{
    void SetResponse(DataPulseResponseInfo response);
}
