using DataPulse.Cli.Errors;

namespace DataPulse.Cli.Tests.Errors;

public sealed class CallerMessageTests
{
    [Fact]
    public void Of_WithParamName_DropsTheDecoration()
    {
        var exception = new ArgumentException("Limit must be from 1 to 10000; it is 0.", "request");
        exception.Message.Should().EndWith("(Parameter 'request')", "the premise: .NET appends it");

        CallerMessage.Of(exception).Should().Be("Limit must be from 1 to 10000; it is 0.");
    }

    [Fact]
    public void Of_OutOfRange_DropsTheDecorationAndTheActualValueLine()
    {
        var exception = new ArgumentOutOfRangeException("pageSize", 0, "pageSize must be at least 1.");

        CallerMessage.Of(exception).Should().Be("pageSize must be at least 1.");
    }

    [Fact]
    public void Of_WithoutParamName_KeepsTheMessage()
    {
        CallerMessage.Of(new ArgumentException("Feature 'x' must look like name=value.")).Should().Be("Feature 'x' must look like name=value.");
    }
}
