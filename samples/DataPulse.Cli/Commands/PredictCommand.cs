using System.ComponentModel;
using System.Globalization;
using DataPulse.Client;
using DataPulse.Client.Predictions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataPulse.Cli.Commands;

internal sealed class PredictCommand : DataPulseCommand<PredictCommand.Settings>
{
    internal sealed class Settings : DataPulseSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("The model id, for example churn_v3.")]
        public string ModelId { get; init; } = string.Empty;

        [CommandOption("-f|--feature <NAME=VALUE>")]
        [Description("A feature; repeat for more. Numbers, true/false and null are typed, anything else is text.")]
        public string[] Features { get; init; } = [];

        public override ValidationResult Validate() =>
            Features.FirstOrDefault(f => f.IndexOf('=', StringComparison.Ordinal) <= 0) is { } feature
                ? ValidationResult.Error($"--feature must look like name=value, for example tenure_months=14; '{feature}' does not.")
                : ValidationResult.Success();

        /// <summary>The features by name, typed (see <see cref="Parse"/>), once <see cref="Validate"/> has passed; a repeated name keeps its last value.</summary>
        public Dictionary<string, object?> FeatureValues()
        {
            var features = new Dictionary<string, object?>();
            foreach (var feature in Features)
            {
                var split = feature.IndexOf('=', StringComparison.Ordinal);
                features[feature[..split]] = Parse(feature[(split + 1)..]);
            }

            return features;
        }

        private static object? Parse(string text) =>
            text == "null" ? null
            : bool.TryParse(text, out var flag) ? flag
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
            : text;
    }

    protected override async Task RunAsync(DataPulseClient client, Settings settings, CancellationToken cancellationToken)
    {
        var result = await client.Predictions.PredictAsync(new PredictionRequest { ModelId = settings.ModelId, Features = settings.FeatureValues() }, cancellationToken);
        if (settings.Json)
        {
            WriteJson(new { result.Prediction, result.Confidence, result.Reasons, result.ModelVersion, result.ConfidenceInterval });
            return;
        }

        var interval = result.ConfidenceInterval is { } ci ? $" ({Numbers.Percent(ci.Lower)} to {Numbers.Percent(ci.Upper)})" : string.Empty;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(result.Prediction)}[/] at {Numbers.Percent(result.Confidence)}{interval}, model {Markup.Escape(result.ModelVersion ?? "?")}");
        foreach (var reason in result.Reasons)
        {
            AnsiConsole.MarkupLine($"  - {Markup.Escape(reason)}");
        }
    }
}
