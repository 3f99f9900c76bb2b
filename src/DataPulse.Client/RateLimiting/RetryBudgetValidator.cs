using System.Globalization;

namespace DataPulse.Client.RateLimiting;

/// <summary>Checks <see cref="RetryBudgetOptions"/>; each problem is one sentence naming the setting.</summary>
internal static class RetryBudgetValidator
{
    public static void Validate(RetryBudgetOptions? budget, List<string> problems)
    {
        if (budget is null)
        {
            problems.Add("RetryBudget must not be null; set RetryBudget.Enabled = false to turn the retry budget off.");
            return;
        }

        if (budget.MaxTokens is < 2 or > 10_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"RetryBudget.MaxTokens must be from 2 to 10000; it is {budget.MaxTokens}."));
        }

        if (!(budget.TokenRatio > 0 && budget.TokenRatio <= 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"RetryBudget.TokenRatio must be more than 0 and at most 1; it is {budget.TokenRatio}."));
        }
    }
}
