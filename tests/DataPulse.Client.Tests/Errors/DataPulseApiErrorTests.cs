using System.Net;

namespace DataPulse.Client.Tests.Errors;

public sealed class DataPulseApiErrorTests
{
    private const string Key = "dp_live_sk_abcdefghijklmnopqrstuvwxyz1234";

    [Fact]
    public void ToString_PrintsHeadersAsNameAndValue()
    {
        var error = new DataPulseApiError
        {
            StatusCode = HttpStatusCode.TooManyRequests,
            Headers = new Dictionary<string, IReadOnlyList<string>> { ["Retry-After"] = ["7"], ["X-Trace-Id"] = ["trc_7f3a9c2e"] },
        };

        error.ToString().Should().Contain("Headers = { Retry-After: 7, X-Trace-Id: trc_7f3a9c2e }");
    }

    [Fact]
    public void ToString_NeverPrintsAnAuthorizationValue()
    {
        var error = new DataPulseApiError { Headers = new Dictionary<string, IReadOnlyList<string>> { ["Authorization"] = ["Bearer " + Key] } };

        error.ToString().Should().NotContain(Key).And.NotContain("abcdefghijkl").And.Contain("Authorization: (redacted)");
    }

    [Fact]
    public void ToString_CutsALongBody()
    {
        var error = new DataPulseApiError { ResponseBody = "<html>" + new string('x', 8_000) + "</html>" };

        var printed = error.ToString();

        printed.Should().Contain("… (7813 more characters)");
        printed.Length.Should().BeLessThan(600);
    }
}
