using DataPulse.Client.Errors;

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
        catch (HttpRequestException ex)
        {
            var operation = OperationName.Of(request);
            throw new DataPulseConnectionException(
                $"{operation} could not reach DataPulse at {request.RequestUri?.GetLeftPart(UriPartial.Authority)}: {ex.Message}", operation, ex);
        }
        catch (OperationCanceledException ex)
        {
            // Not the caller's token: a transport limit fired, such as the connect timeout or a caller HttpClient's Timeout.
            var operation = OperationName.Of(request);
            var detail = ex.InnerException is TimeoutException timeout ? timeout.Message : "the HTTP transport gave up waiting";
            throw new DataPulseTimeoutException($"{operation} timed out: {detail}", DataPulseTimeoutKind.Transport, null, operation, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await DataPulseExceptionFactory
                .CreateAsync(OperationName.Of(request), response, keyProvider.TryCurrent(), timeProvider, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
