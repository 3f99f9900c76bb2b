namespace DataPulse.Client.Pipeline;

/// <summary>Raised inside the transport when a redirect would carry a request to another origin; never reaches a caller.</summary>
internal sealed class RedirectRefusedException(Uri target) : IOException("A redirect to another host or scheme was refused.")
{
    public string Target { get; } = target.GetLeftPart(UriPartial.Authority);
}
