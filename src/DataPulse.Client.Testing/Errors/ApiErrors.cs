using DataPulse.Client.Testing.Pipeline;

namespace DataPulse.Client.Testing.Errors;

/// <summary>Error answers in the contract's shape: <c>{ "error": { type, code, message, param, trace_id } }</c>.</summary>
internal static class ApiErrors
{
    public static SandboxResponse Create(SandboxCall call, int statusCode, string code, string message, string? param = null) =>
        SandboxJson.Response(statusCode, new
        {
            Error = new ErrorFields(TypeFor(statusCode), code, message, param, call.TraceId),
        });

    public static SandboxResponse BadRequest(SandboxCall call, string code, string message, string? param) =>
        Create(call, 400, code, message, param);

    public static SandboxResponse InvalidParameter(SandboxCall call, string param, string message) =>
        Create(call, 400, "parameter_invalid", message, param);

    public static SandboxResponse MissingParameter(SandboxCall call, string param) =>
        Create(call, 400, "parameter_missing", $"'{param}' is required.", param);

    public static SandboxResponse NotFound(SandboxCall call, string code, string message) => Create(call, 404, code, message);

    /// <summary>The contract's <c>type</c> for a status.</summary>
    public static string TypeFor(int statusCode) => statusCode switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        409 => "invalid_request_error",
        429 => "rate_limit_error",
        >= 500 => "api_error",
        _ => "invalid_request_error",
    };

    private sealed record ErrorFields(string Type, string Code, string Message, string? Param, string TraceId);
}
