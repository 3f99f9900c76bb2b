using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>Stubbing shortcuts for <see cref="ApiServer"/>: one mapping per call, answering like the real API.</summary>
public static class ApiServerExtensions
{
    /// <summary>The <c>X-Trace-Id</c> every stubbed answer carries unless a test sets its own.</summary>
    public const string TraceId = "trc_resp_1a2b3c";

    /// <summary>The rate-limit headers every stubbed answer carries.</summary>
    public const long RateLimitLimit = 1000;

    public const long RateLimitRemaining = 997;

    public const long RateLimitReset = 1736929800;

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (any query) with a JSON body and the contract's response headers.</summary>
    public static void StubJson(this ApiServer api, string method, string path, string body, int status = 200, params (string Name, string Value)[] headers) =>
        api.Stub(method, path, WithContractHeaders(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body), headers));

    /// <summary>Answers with a body that is not JSON (HTML, plain text), or none when <paramref name="body"/> is null.</summary>
    public static void StubRaw(this ApiServer api, string method, string path, int status, string? body, string? contentType = null, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        if (contentType is not null)
        {
            response = response.WithHeader("Content-Type", contentType);
        }

        if (body is not null)
        {
            response = response.WithBody(body);
        }

        api.Stub(method, path, WithContractHeaders(response, headers));
    }

    /// <summary>Answers with a file, as the report export does.</summary>
    public static void StubFile(this ApiServer api, string path, byte[] content, string contentType, string? contentDisposition)
    {
        // WireMock answers with chunked transfer encoding: no Content-Length. Use ScriptedServer.File to test a known length.
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(content);
        if (contentDisposition is not null)
        {
            response = response.WithHeader("Content-Disposition", contentDisposition);
        }

        api.Stub("POST", path, WithContractHeaders(response, []));
    }

    public static void Stub(this ApiServer api, string method, string path, IResponseBuilder response) =>
        api.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);

    /// <summary>Answers every request with <paramref name="response"/>, whatever its path.</summary>
    public static void StubAny(this ApiServer api, IResponseBuilder response) =>
        api.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);

    /// <summary>Answers every request, whatever its path, with the contract's customer profile; returns the server.</summary>
    public static ApiServer AnswerEveryCallWithAProfile(this ApiServer api)
    {
        api.StubAny(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(ContractExamples.CustomerProfile));
        return api;
    }

    /// <summary>Asserts that nothing reached the server.</summary>
    public static void ShouldHaveReceivedNothing(this ApiServer api) =>
        api.Requests.Should().BeEmpty("the client must check its input before sending anything");

    private static IResponseBuilder WithContractHeaders(IResponseBuilder response, (string Name, string Value)[] headers)
    {
        var names = headers.Select(h => h.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!names.Contains("X-Trace-Id"))
        {
            response = response.WithHeader("X-Trace-Id", TraceId);
        }

        response = response
            .WithHeader("X-RateLimit-Limit", RateLimitLimit.ToString())
            .WithHeader("X-RateLimit-Remaining", RateLimitRemaining.ToString())
            .WithHeader("X-RateLimit-Reset", RateLimitReset.ToString());
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return response;
    }
}
