namespace DataPulse.Client.ContractCheck;

/// <summary>What a case's requests go to, each behind its own Prism (one proxy has one upstream).</summary>
internal enum Target
{
    /// <summary>The sandbox with its defaults: rate limits reported, never enforced.</summary>
    Sandbox,

    /// <summary>A sandbox that enforces a rate limit per key (<c>DataPulseSandboxOptions.EnforcedRateLimit</c>): its own 429 path.</summary>
    EnforcingSandbox,

    /// <summary>The server of deliberately wrong answers (the proof cases).</summary>
    WrongAnswers,
}
