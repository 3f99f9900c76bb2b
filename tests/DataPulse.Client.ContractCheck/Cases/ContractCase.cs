namespace DataPulse.Client.ContractCheck.Cases;

/// <summary>
/// One case: what the client does through Prism and what it must get back. The runner resets the sandbox before it and
/// fails it when Prism found a violation in any of its exchanges, when nothing went through Prism, or when
/// <see cref="RunAsync"/> throws.
/// </summary>
/// <param name="Name">What the case covers, as printed.</param>
/// <param name="RunAsync">Arms the sandbox, calls the client and checks what the SDK returned or threw.</param>
/// <param name="ExpectedViolation">For a proof case only: the violation Prism must report. The case then passes only if
/// it does.</param>
/// <param name="Through">What the case's requests go to (through the Prism in front of it).</param>
internal sealed record ContractCase(
    string Name, Func<CaseContext, Task> RunAsync, ExpectedViolation? ExpectedViolation = null, Target Through = Target.Sandbox);
