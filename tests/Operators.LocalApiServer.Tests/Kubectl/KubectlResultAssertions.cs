using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Kubectl;

/// <summary>Assertions on a kubectl run whose failure messages show the whole run.</summary>
internal static class KubectlResultAssertions
{
    /// <summary>Asserts kubectl exited with 0 and returns the result.</summary>
    public static KubectlResult ShouldSucceed(this KubectlResult result)
    {
        result.ExitCode.Should().Be(0, "kubectl should have succeeded:\n{0}", result);
        return result;
    }

    /// <summary>Asserts kubectl exited with an error and returns the result.</summary>
    public static KubectlResult ShouldFail(this KubectlResult result)
    {
        result.ExitCode.Should().NotBe(0, "kubectl should have failed:\n{0}", result);
        return result;
    }
}
