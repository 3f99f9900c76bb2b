using DataPulse.Client.Analytics;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Resources;

public sealed class AnalyticsRoutesTests : SandboxTests
{
    [Fact]
    public async Task InvalidParameter_Gets400WithParam()
    {
        using var client = Sandbox.CreateClient();

        var act = () => client.Analytics.GetKpiSummaryAsync(vertical: new Vertical("healthcare"));

        var error = (await act.Should().ThrowAsync<DataPulseBadRequestException>()).Which;
        error.Param.Should().Be("vertical");
        error.ErrorCode.Should().Be("parameter_invalid");
    }

    [Theory]
    [InlineData("DELETE FROM transactions")]
    [InlineData("SELECT * FROM users")]
    [InlineData("SELECT nope FROM transactions")]
    [InlineData("SELECT region FROM transactions JOIN customers ON 1 = 1")]
    public async Task UnsupportedQuery_GetsInvalidQuery(string sql)
    {
        using var client = Sandbox.CreateClient();

        var act = () => client.Analytics.QueryAsync(sql);

        var error = (await act.Should().ThrowAsync<DataPulseBadRequestException>()).Which;
        error.ErrorCode.Should().Be("invalid_query");
        error.Param.Should().Be("sql");
    }

    [Fact]
    public async Task Query_FiltersOrdersAndTruncates()
    {
        using var client = Sandbox.CreateClient();

        var result = await client.Analytics.QueryAsync(
            "SELECT transaction_id, revenue FROM transactions WHERE region = 'EMEA' AND is_refund = false ORDER BY revenue DESC", limit: 2);

        result.Meta.RowCount.Should().Be(2);
        result.Meta.Truncated.Should().BeTrue();
        result.Rows[0].GetDecimal("revenue").Should().BeGreaterThanOrEqualTo(result.Rows[1].GetDecimal("revenue")!.Value);
    }
}
