using System.Reflection;
using System.Runtime.Versioning;
using DataPulse.Client.Testing;
using Microsoft.AspNetCore.Builder;

namespace DataPulse.Client.Tests.Wholesome;

/// <summary>
/// The suite runs once per target framework (TestTargetFrameworks), each time on that framework's own runtime and against
/// the libraries' build for it: a net8.0 run rolled forward onto .NET 10, or one that loaded the net10.0 build, fails here.
/// </summary>
public sealed class TargetFrameworkTests
{
    private static readonly int RuntimeMajor = Environment.Version.Major;

    [Fact]
    public void TheTests_RunOnTheRuntimeTheyTarget()
    {
        TargetMajor(typeof(TargetFrameworkTests).Assembly).Should().Be(RuntimeMajor, "the net8.0 tests run on .NET 8, not rolled forward");
    }

    [Fact]
    public void TheLibrariesUnderTest_AreTheirBuildForThisRuntime()
    {
        TargetMajor(typeof(DataPulseClient).Assembly).Should().Be(RuntimeMajor, "DataPulse.Client's build for this runtime is under test");
        TargetMajor(typeof(DataPulseSandbox).Assembly).Should().Be(RuntimeMajor, "DataPulse.Client.Testing's build for this runtime is under test");
    }

    [Fact]
    public void TheSandbox_RunsOnTheAspNetCoreOfThisRuntime()
    {
        typeof(WebApplication).Assembly.GetName().Version!.Major.Should().Be(RuntimeMajor);
    }

    private static int TargetMajor(Assembly assembly)
    {
        var framework = assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        framework.Should().NotBeNull($"{assembly.GetName().Name} names its target framework");
        return new FrameworkName(framework!).Version.Major;
    }
}
