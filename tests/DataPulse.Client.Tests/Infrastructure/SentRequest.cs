using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Logging;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// Asserts what went out on the wire, one fact per call, in the style of Stripe.net's <c>AssertRequest</c>:
/// <c>SentRequest.Of(api.SingleRequest()).HasMethod("GET").HasPath("/v1/analytics/kpis").HasNoBody();</c>
/// </summary>
public sealed partial class SentRequest
{
    private SentRequest(IRequestMessage message) => Message = message;

    public IRequestMessage Message { get; }

    public static SentRequest Of(ILogEntry entry) => new(entry.RequestMessage);

    /// <summary>The value of a header (all values joined with ", "), or null when it was not sent.</summary>
    public string? Header(string name)
    {
        var headers = Message.Headers;
        if (headers is null)
        {
            return null;
        }

        foreach (var (key, values) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return string.Join(", ", values);
            }
        }

        return null;
    }

    /// <summary>The query parameters as sent, decoded; empty when there is no query.</summary>
    public IReadOnlyDictionary<string, string> Query
    {
        get
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            var raw = Message.RawQuery?.TrimStart('?');
            if (string.IsNullOrEmpty(raw))
            {
                return result;
            }

            foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                result[Uri.UnescapeDataString(parts[0])] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
            }

            return result;
        }
    }

    public SentRequest HasMethod(string method)
    {
        Message.Method.Should().BeEquivalentTo(method, "the request method");
        return this;
    }

    public SentRequest HasPath(string path)
    {
        Message.Path.Should().Be(path, "the request path");
        return this;
    }

    public SentRequest HasQuery(params (string Name, string Value)[] expected)
    {
        Query.Should().BeEquivalentTo(expected.ToDictionary(p => p.Name, p => p.Value), "the query string was {0}", Message.RawQuery);
        return this;
    }

    public SentRequest HasNoQuery()
    {
        Query.Should().BeEmpty("no query parameter was given, so none should be sent (raw query: {0})", Message.RawQuery);
        return this;
    }

    public SentRequest HasHeader(string name, string value)
    {
        Header(name).Should().Be(value, "header {0}", name);
        return this;
    }

    public SentRequest HasBearer(string apiKey) => HasHeader("Authorization", "Bearer " + apiKey);

    public SentRequest AcceptsJson()
    {
        Header("Accept").Should().NotBeNull().And.Contain("application/json");
        return this;
    }

    /// <summary>
    /// The User-Agent is <c>datapulse-dotnet/&lt;ver&gt; (&lt;runtime&gt;; &lt;os&gt;)</c>, followed by the application id when one was set.
    /// </summary>
    public SentRequest HasUserAgent(string? applicationId = null)
    {
        var userAgent = Header("User-Agent");
        userAgent.Should().NotBeNull();
        var match = UserAgentShape().Match(userAgent!);
        match.Success.Should().BeTrue("the User-Agent '{0}' should look like datapulse-dotnet/<ver> (<runtime>; <os>)", userAgent);
        match.Groups["version"].Value.Should().Be(ExpectedSdkVersion());
        match.Groups["runtime"].Value.Should().Contain(".NET");
        match.Groups["os"].Value.Should().NotBeNullOrWhiteSpace();
        if (applicationId is null)
        {
            match.Groups["app"].Success.Should().BeFalse("no ApplicationId was set, yet the User-Agent is '{0}'", userAgent);
        }
        else
        {
            match.Groups["app"].Value.Should().Be(applicationId);
        }

        return this;
    }

    /// <summary>The body, parsed, equals <paramref name="expectedJson"/> exactly: same names, same values, nothing more.</summary>
    public SentRequest HasJsonBody(string expectedJson)
    {
        Header("Content-Type").Should().NotBeNull().And.StartWith("application/json");
        var actual = JsonNode.Parse(Message.Body ?? "null");
        var expected = JsonNode.Parse(expectedJson);
        JsonNode.DeepEquals(actual, expected).Should().BeTrue("the body sent was {0} but should be {1}", actual?.ToJsonString(), expected?.ToJsonString());
        return this;
    }

    public SentRequest HasNoBody()
    {
        (Message.BodyAsBytes ?? []).Should().BeEmpty();
        return this;
    }

    /// <summary>The Idempotency-Key that was sent; it must be there.</summary>
    public string IdempotencyKey()
    {
        var key = Header("Idempotency-Key");
        key.Should().NotBeNullOrWhiteSpace("every POST carries an Idempotency-Key");
        return key!;
    }

    private static string ExpectedSdkVersion()
    {
        var informational = typeof(DataPulseClient).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    [GeneratedRegex(@"^datapulse-dotnet/(?<version>\d+\.\d+\.\d+[-.0-9A-Za-z]*) \((?<runtime>[^;()]+); (?<os>[^;()]+)\)( (?<app>\S+))?$")]
    private static partial Regex UserAgentShape();
}
