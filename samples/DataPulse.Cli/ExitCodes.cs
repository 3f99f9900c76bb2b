namespace DataPulse.Cli;

/// <summary>
/// The exit codes of <c>datapulse</c>, one per kind of failure, so that a script can tell them apart. This list and the
/// table in the tool's README.md are the documentation; a test keeps them equal.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>An error the CLI has no code for (a bug, or a failure it did not foresee); the message says what happened.</summary>
    public const int Unexpected = 1;

    /// <summary>
    /// The request is wrong: an unknown command or option, a missing argument, a bad value (an unknown period, vertical or
    /// format, a limit that is not a whole number, a feature not written name=value), input the SDK refuses before
    /// sending, or a request the API answered 400 to.
    /// </summary>
    public const int BadRequest = 2;

    /// <summary>The API refused the key (401): DATAPULSE_API_KEY is missing, wrong or revoked.</summary>
    public const int Authentication = 3;

    /// <summary>The customer, model, template or report does not exist (404).</summary>
    public const int NotFound = 4;

    /// <summary>The key may not do that (403), for example a read-only key asked to export.</summary>
    public const int PermissionDenied = 5;

    /// <summary>Rate limited (429) after the SDK's retries; the message says when to try again.</summary>
    public const int RateLimited = 6;

    /// <summary>DataPulse failed (5xx) after the SDK's retries; the message carries the trace id for support.</summary>
    public const int ServerError = 7;

    /// <summary>DataPulse could not be reached: DNS, a refused connection, TLS, or a connection dropped mid-answer.</summary>
    public const int Connection = 8;

    /// <summary>A deadline passed: the call's timeout, an attempt's, or a report that took too long to generate.</summary>
    public const int Timeout = 9;

    /// <summary>The API answered with an error status that has no code of its own here (for example 409 or 422).</summary>
    public const int OtherApiError = 10;

    /// <summary>
    /// The output could not be written: the export folder (<c>-o</c>) cannot be created (a file is in the way, no
    /// permission) or the report file cannot be saved there.
    /// </summary>
    public const int OutputError = 11;

    /// <summary>Cancelled with Ctrl+C before the command finished; a partly written report file is removed.</summary>
    public const int Cancelled = 130;
}
