using System.Text.Json;
using DataPulse.Client.Testing.Data;
using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Operations;
using DataPulse.Client.Testing.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPulse.Client.Testing.Resources;

/// <summary><c>POST /v1/predictions</c> for the seeded models.</summary>
internal static class PredictionsRoutes
{
    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapWrite(HttpMethods.Post, "/v1/predictions", Predict);

    private static SandboxResponse Predict(SandboxCall call)
    {
        if (!JsonBody.TryRead(call, out var body, out var error)
            || JsonBody.RequiredString(call, body, "model_id", "model_id", out error) is not { } modelId)
        {
            return error!;
        }

        if (!body.TryGetProperty("features", out var features) || features.ValueKind == JsonValueKind.Null)
        {
            return ApiErrors.MissingParameter(call, "features");
        }

        if (features.ValueKind != JsonValueKind.Object || !features.EnumerateObject().Any())
        {
            return ApiErrors.InvalidParameter(call, "features", "'features' must be a non-empty JSON object.");
        }

        foreach (var feature in features.EnumerateObject())
        {
            if (feature.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return ApiErrors.InvalidParameter(call, "features." + feature.Name,
                    $"Feature '{feature.Name}' must be a string, number, boolean or null.");
            }
        }

        return Models.Exists(modelId)
            ? SandboxJson.Ok(Models.Predict(modelId, features))
            : ApiErrors.NotFound(call, "model_not_found", $"No model has the id '{modelId}'. The sandbox has churn_v3 and ltv_v1.");
    }
}
