using System.Text;
using DataPulse.Client.Analytics;

namespace DataPulse.Client.ContractCheck.Cases;

/// <summary>
/// Run first: each must make Prism report a violation at the given place, or the check stops. Prism accepts whatever a
/// schema it could not compile was meant to refuse, so these show, rule kind by rule kind, that the document was read
/// and is enforced: a request the contract forbids is refused before it reaches the sandbox, and wrong answers (from
/// <see cref="WrongAnswers.WrongAnswerServer"/>) are replaced by Prism's error.
/// </summary>
internal static class ProofCases
{
    public static IEnumerable<ContractCase> All()
    {
        yield return new("proof: a POST without Idempotency-Key is refused, never forwarded", async c =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/analytics/query")
            {
                Content = new StringContent("""{"sql":"SELECT * FROM transactions"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + c.Sandbox.ApiKey);
            request.Headers.TryAddWithoutValidation("User-Agent", "datapulse-dotnet/0.0.0 (.NET 10.0.0; Linux)");
            using var response = await c.Http().SendAsync(request);
            Expect.Equal(0, c.Sandbox.ReceivedRequests.Count, "requests the sandbox received");
        }, ExpectedViolation: new("header", "'idempotency-key'"));

        yield return new("proof: an integer sent as a string", async c =>
            await Expect.ThrowsAsync<DataPulseServerException>(() => Liar(c).Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays)),
            ExpectedViolation: new("response.body.data.active_users"), Through: Target.WrongAnswers);

        yield return new("proof: a timestamp that is not a date-time", async c =>
            await Expect.ThrowsAsync<DataPulseServerException>(() => Liar(c).Customers.GetAsync("cust_92f8a3b1")),
            ExpectedViolation: new("response.body.last_interaction"), Through: Target.WrongAnswers);

        yield return new("proof: a 404 with another status's error type", async c =>
            await Expect.ThrowsAsync<DataPulseServerException>(() => Liar(c).Customers.GetAsync("cust_00000000")),
            ExpectedViolation: new("response.body.error.type"), Through: Target.WrongAnswers);

        yield return new("proof: a query cell that is an object", async c =>
            await Expect.ThrowsAsync<DataPulseServerException>(() => Liar(c).Analytics.QueryAsync("SELECT region FROM transactions")),
            ExpectedViolation: new("response.body.data.rows"), Through: Target.WrongAnswers);

        yield return new("proof: a required header left out", async c =>
            await Expect.ThrowsAsync<DataPulseServerException>(() => Liar(c).Reports.GetSchedulesPageAsync()),
            ExpectedViolation: new("response.header", "'x-trace-id'"), Through: Target.WrongAnswers);
    }

    private static DataPulseClient Liar(CaseContext c) => c.Client(o => o.RateLimitPacing = false);
}
