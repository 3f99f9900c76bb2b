using System.Reflection;
using DataPulse.Client.Analytics;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;

namespace DataPulse.Client.Tests.Wholesome;

/// <summary>One validation style for every request model: an internal static validator whose <c>ToBody(request)</c> checks it.</summary>
public sealed class RequestValidatorConventionsTests
{
    private static readonly Assembly Sdk = typeof(DataPulseClient).Assembly;

    private static IEnumerable<MethodInfo> ToBodyMethods =>
        Sdk.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true, IsPublic: false } && t.Name.EndsWith("Validator", StringComparison.Ordinal))
            .Select(t => t.GetMethod("ToBody", BindingFlags.Public | BindingFlags.Static))
            .OfType<MethodInfo>();

    public static TheoryData<string, Action, string> InvalidRequests => new()
    {
        { "query", () => QueryRequestValidator.ToBody(new QueryRequest { Sql = " " }), "Sql is required*" },
        { "prediction", () => PredictionRequestValidator.ToBody(new PredictionRequest { ModelId = "churn_v3", Features = new Dictionary<string, object?>() }), "Features must*" },
        { "export", () => ExportRequestValidator.ToBody(new ReportExportRequest { TemplateId = "tmpl_1", Format = default }), "Format is required*" },
        {
            "schedule",
            () => ScheduleValidator.ToBody(new ReportScheduleRequest { TemplateId = "tmpl_1", Format = ReportFormat.Pdf, Cron = "0 6 * * 1", TimeZone = "UTC", Recipients = [] }),
            "Recipients must*"
        },
    };

    [Fact]
    public void EveryPublicRequestModel_HasValidatorWithToBodyOfRequest()
    {
        // The resources' request models; RateLimitRequest is the rate-limit store's input, not something sent to the API.
        var requestTypes = Sdk.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal) && t.Namespace != "DataPulse.Client.RateLimiting");
        var validated = ToBodyMethods
            .Where(m => m.GetParameters() is [{ Name: "request" } p] && p.ParameterType.IsPublic)
            .Select(m => m.GetParameters()[0].ParameterType);

        requestTypes.Should().NotBeEmpty().And.BeSubsetOf(validated, "each request model's checks live in one Validator.ToBody(request)");
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void ToBody_InvalidMember_ThrowsArgumentExceptionOnRequestNamingTheMember(string resource, Action toBody, string message)
    {
        toBody.Should().Throw<ArgumentException>(resource).WithMessage(message).Which.ParamName.Should().Be("request");
    }

    [Fact]
    public void ToBody_NullRequest_ThrowsArgumentNullExceptionOnRequest()
    {
        foreach (var toBody in ToBodyMethods)
        {
            var act = () => toBody.Invoke(null, [null]);
            act.Should().Throw<TargetInvocationException>(toBody.DeclaringType!.Name)
                .WithInnerException<ArgumentNullException>().Which.ParamName.Should().Be("request");
        }
    }
}
