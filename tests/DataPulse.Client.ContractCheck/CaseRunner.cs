using DataPulse.Client.ContractCheck.Cases;
using DataPulse.Client.ContractCheck.Recording;
using DataPulse.Client.Testing;

namespace DataPulse.Client.ContractCheck;

/// <summary>Runs cases one at a time on a freshly reset sandbox, prints one line per case (and, under a failure, what
/// Prism or the SDK said), and keeps the exchanges and violation counts for the summary.</summary>
internal sealed class CaseRunner(Upstreams upstreams)
{
    // A case makes a few calls on loopback; the longest waits one second for a 202's status. This only ends a hang.
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(90);

    private readonly List<Exchange> _exchanges = [];

    /// <summary>Violations found where none was expected, in requests and in answers.</summary>
    public int RequestViolations { get; private set; }

    public int AnswerViolations { get; private set; }

    /// <summary>Every exchange of the cases that expect a clean contract (not the proofs).</summary>
    public IReadOnlyList<Exchange> Exchanges => _exchanges;

    /// <summary>Runs one case and prints its line.</summary>
    /// <returns>Whether it passed.</returns>
    public async Task<bool> RunAsync(ContractCase contractCase)
    {
        var sandbox = upstreams.SandboxOf(contractCase.Through);
        sandbox?.Reset();
        using var context = new CaseContext(sandbox, upstreams.ProxyOf(contractCase.Through));
        Exception? error = null;
        try
        {
            // Real time on purpose: the case talks to real processes.
            await contractCase.RunAsync(context).WaitAsync(CaseTimeout, TimeProvider.System).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var exchanges = context.Exchanges;
        var problems = new List<string>();
        if (contractCase.ExpectedViolation is { } expected)
        {
            var reported = exchanges.SelectMany(e => e.Violations).ToList();
            if (!reported.Any(expected.Matches))
            {
                problems.Add($"Prism reported no violation at {expected}: the document's rule is not enforced");
                problems.AddRange(reported.Select(v => "reported instead: " + v));
            }
        }
        else
        {
            _exchanges.AddRange(exchanges);
            foreach (var exchange in exchanges)
            {
                foreach (var violation in exchange.Violations)
                {
                    problems.Add($"{exchange}: {violation}");
                    if (violation.InRequest)
                    {
                        RequestViolations++;
                    }
                    else
                    {
                        AnswerViolations++;
                    }
                }

                if (exchange.PrismError is not null && exchange.Violations.Count == 0)
                {
                    problems.Add($"{exchange}: Prism answered itself, the sandbox did not");
                }
            }

            problems.AddRange(NotFromSandbox(exchanges, sandbox).Select(e => $"{e}: not the sandbox's answer (Prism answered from the document's examples?)"));

            if (exchanges.Count == 0 && error is null)
            {
                problems.Add("nothing went through Prism");
            }
        }

        if (error is not null)
        {
            problems.Add(error is CaseFailedException ? error.Message : $"{error.GetType().Name}: {error.Message}");
        }

        var passed = problems.Count == 0;
        Console.WriteLine($"{(passed ? "ok  " : "FAIL")}  {contractCase.Name} ({Count(exchanges.Count)})");
        foreach (var problem in problems)
        {
            Console.WriteLine("        " + problem);
        }

        return passed;
    }

    /// <summary>
    /// Answers that Prism passed off as the sandbox's: every answer the sandbox sends carries the trace id of a request it
    /// logged. Prism's proxy, for one, answers an upstream 501 with a mock built from the document's examples, with no
    /// sign of it; a check that trusted the status alone would validate the example instead of the sandbox.
    /// </summary>
    private static IEnumerable<Exchange> NotFromSandbox(IReadOnlyList<Exchange> exchanges, DataPulseSandbox? sandbox)
    {
        if (sandbox is null)
        {
            return [];
        }

        var served = sandbox.ReceivedRequests.Select(r => r.TraceId).ToHashSet(StringComparer.Ordinal);
        return exchanges.Where(e => e.PrismError is null && (e.TraceId is null || !served.Contains(e.TraceId)));
    }

    private static string Count(int exchanges) => exchanges == 1 ? "1 exchange" : $"{exchanges} exchanges";
}
