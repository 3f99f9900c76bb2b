using Microsoft.AspNetCore.Http;

namespace DataPulse.Client.Testing.Faults;

/// <summary>The drop scenario: the headers with the full <c>Content-Length</c> and half the body go out, then the
/// connection is reset, as when a network cuts a download short.</summary>
internal static class MidwayDrop
{
    // Real time, not the sandbox's TimeProvider: it lets the client's socket take in what was sent before the reset
    // (a reset that overtakes the headers looks like a failed request, not a cut download), and a fake clock never moves.
    private static readonly TimeSpan HeadersHeadStart = TimeSpan.FromMilliseconds(200);

    public static async Task WriteAsync(HttpContext context, byte[] body)
    {
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await Task.Delay(HeadersHeadStart, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
        context.Abort();
    }
}
