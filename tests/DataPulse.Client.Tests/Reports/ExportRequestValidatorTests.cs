using System.Globalization;
using DataPulse.Client.Reports;

namespace DataPulse.Client.Tests.Reports;

public sealed class ExportRequestValidatorTests
{
    [Fact]
    public void ToBody_BackwardsDateRangeUnderBuddhistCalendar_NamesTheGregorianDates()
    {
        var request = new ReportExportRequest
        {
            TemplateId = "tmpl_1",
            Format = ReportFormat.Pdf,
            DateRange = new DateRange { Start = new DateOnly(2024, 5, 2), End = new DateOnly(2024, 5, 1) },
        };
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH");
        try
        {
            var act = () => ExportRequestValidator.ToBody(request);

            act.Should().Throw<ArgumentException>()
                .WithMessage("DateRange.Start (2024-05-02) must not be after DateRange.End (2024-05-01).*");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
