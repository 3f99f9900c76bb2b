using DataPulse.Client.Errors;
using Polly.Timeout;

namespace DataPulse.Client.Http;

/// <summary>
/// The outermost handler: turns every non-success answer into the contract's typed exception and every transport
/// failure into <see cref="DataPulseConnectionException"/> or <see cref="DataPulseTimeoutException"/>. The caller's own
/// cancellation passes through as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ErrorMappingHandler(ApiKeyProvider keyProvider, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = OperationName.Of(request);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DataPulseException)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            throw new DataPulseTimeoutException($"{operation} timed out after {ex.Timeout}.", DataPulseTimeoutKind.Overall, ex.Timeout, operation, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new DataPulseConnectionException(
                $"{operation} could not reach DataPulse at {request.RequestUri?.GetLeftPart(UriPartial.Authority)}: {ex.Message}", operation, ex);
        }
        catch (OperationCanceledException ex)
        {
            // Not the caller's token: a limit outside the SDK (such as a caller-supplied HttpClient's Timeout) fired.
            throw new DataPulseTimeoutException($"{operation} timed out: the HTTP transport gave up waiting.", DataPulseTimeoutKind.Transport, null, operation, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await DataPulseExceptionFactory
                .CreateAsync(operation, response, keyProvider.TryCurrent(), timeProvider, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
