using System.Globalization;
using DataPulse.Client.ContractCheck;
using DataPulse.Client.ContractCheck.Cases;

// The contract check: the real DataPulseClient talks to the sandbox through Stoplight Prism's validation proxy
// (prism proxy <openapi> <upstream> --errors), for every operation and every error the sandbox can produce. Proof cases
// run first and must each be caught; then every case must pass with no violation in any request or answer.
//   dotnet run --project tests/DataPulse.Client.ContractCheck -- --prism <node_modules/.bin/prism> --spec <openapi.yaml>
// Exit codes: 0 clean, 1 a violation or a failed case, 2 a usage or start-up problem.
var prism = Argument("--prism");
var spec = Argument("--spec");
if (prism is null || spec is null || !File.Exists(prism) || !File.Exists(spec))
{
    Console.Error.WriteLine("usage: DataPulse.Client.ContractCheck --prism <path to prism> --spec <path to the OpenAPI document>");
    return 2;
}

var started = TimeProvider.System.GetTimestamp();
Upstreams upstreams;
try
{
    upstreams = await Upstreams.StartAsync(prism, spec, prismStartTimeout: TimeSpan.FromSeconds(90));
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("contract-check: " + ex.Message);
    return 2;
}

await using (upstreams)
{
    foreach (var line in upstreams.Describe())
    {
        Console.WriteLine(line);
    }

    var runner = new CaseRunner(upstreams);
    Console.WriteLine("\n--- proof: Prism enforces the document ---");
    var proofs = ProofCases.All().ToList();
    var caught = 0;
    foreach (var proof in proofs)
    {
        caught += await runner.RunAsync(proof) ? 1 : 0;
    }

    if (caught < proofs.Count)
    {
        Console.WriteLine($"\ncontract-check: FAILED: Prism caught {caught} of {proofs.Count} deliberate violations; its verdicts cannot be trusted.");
        Console.WriteLine(upstreams.Logs());
        return 1;
    }

    Console.WriteLine("\n--- the SDK and the sandbox through Prism ---");
    var cases = OperationCases.All().Concat(ErrorCases.All()).Concat(RawRequestCases.All()).ToList();
    var failed = 0;
    foreach (var contractCase in cases)
    {
        failed += await runner.RunAsync(contractCase) ? 0 : 1;
    }

    var missing = OperationCoverage.NotSucceeded(runner.Exchanges);
    Console.WriteLine();
    Console.WriteLine($"operations answered with success: {OperationCoverage.Count - missing.Count} of {OperationCoverage.Count}"
        + (missing.Count == 0 ? string.Empty : " (missing: " + string.Join(", ", missing) + ")"));
    Console.WriteLine("statuses checked: " + string.Join(' ', runner.Exchanges.Select(e => e.Status).Distinct().Order()));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"contract-check: {cases.Count} cases, {cases.Count - failed} passed, {failed} failed; {runner.Exchanges.Count} exchanges, "
        + $"{runner.RequestViolations} request and {runner.AnswerViolations} answer violations; proofs caught {caught} of {proofs.Count}; "
        + $"{TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s"));
    return failed == 0 && missing.Count == 0 ? 0 : 1;
}

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
