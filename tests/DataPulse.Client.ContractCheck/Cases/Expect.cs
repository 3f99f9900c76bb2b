namespace DataPulse.Client.ContractCheck.Cases;

/// <summary>The few checks a case makes on the SDK's outcome; each failure says what was expected and what came.</summary>
internal static class Expect
{
    public static void That(bool condition, string expectation)
    {
        if (!condition)
        {
            throw new CaseFailedException("expected " + expectation);
        }
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new CaseFailedException($"expected {what} = {expected}, got {actual?.ToString() ?? "null"}");
        }
    }

    /// <summary>Runs <paramref name="call"/> and returns the exception it threw, which must be exactly a
    /// <typeparamref name="T"/> (a subtype would hide a mapping mistake).</summary>
    public static async Task<T> ThrowsAsync<T>(Func<Task> call)
        where T : Exception => (T)await ThrowsAsync(typeof(T), call).ConfigureAwait(false);

    /// <summary>Runs <paramref name="call"/> and returns the exception it threw, which must be exactly of <paramref name="type"/>.</summary>
    public static async Task<Exception> ThrowsAsync(Type type, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex.GetType() == type)
        {
            return ex;
        }
        catch (Exception ex) when (ex is not CaseFailedException)
        {
            throw new CaseFailedException($"expected {type.Name}, got {ex.GetType().Name}: {ex.Message}");
        }

        throw new CaseFailedException($"expected {type.Name}, the call succeeded");
    }
}
