namespace DataPulse.Client.Http;

/// <summary>Raised inside the transport when a redirect would carry a request to another origin; never reaches a caller.</summary>
internal sealed class RedirectRefusedException(Uri target) : IOException("A redirect to another host or scheme was refused.")
{
    public string Target { get; } = target.GetLeftPart(UriPartial.Authority);

    /// <summary>The refusal itself when <paramref name="exception"/> is, or wraps, one (HttpClient wraps what a body throws).</summary>
    public static RedirectRefusedException? Within(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RedirectRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
