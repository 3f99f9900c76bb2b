using System.Text.Json;

namespace DataPulse.Client.Testing.Pipeline;

/// <summary>JSON on the sandbox's wire: snake_case names, nulls written (the contract's error body has <c>"param": null</c>).</summary>
internal static class SandboxJson
{
    public const string MediaType = "application/json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static SandboxResponse Response(int statusCode, object body) =>
        new(statusCode, MediaType + "; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(body, Options));

    public static SandboxResponse Ok(object body) => Response(200, body);
}
