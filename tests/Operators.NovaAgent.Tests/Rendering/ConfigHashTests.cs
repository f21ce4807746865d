using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using Operators.NovaAgent.Rendering;

namespace Operators.NovaAgent.Tests.Rendering;

public sealed class ConfigHashTests
{
    [Test]
    public void Compute_IsSha256OfNetstringsInOrdinalKeyOrder()
    {
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("1:B,2:b1,1:a,2:é,")));

        ConfigHash.Compute(new Dictionary<string, string> { ["a"] = "é", ["B"] = "b1" }).Should().Be(expected);
    }

    [Test]
    public void Compute_DoesNotDependOnInsertionOrder()
    {
        var one = new Dictionary<string, string> { ["01-nova-compute.conf"] = "x", ["02-custom.conf"] = "y" };
        var other = new Dictionary<string, string> { ["02-custom.conf"] = "y", ["01-nova-compute.conf"] = "x" };

        ConfigHash.Compute(one).Should().Be(ConfigHash.Compute(other));
    }

    [Test]
    public void Compute_FramingKeepsKeysAndValuesApart()
    {
        ConfigHash.Compute(new Dictionary<string, string> { ["ab"] = "c" })
            .Should().NotBe(ConfigHash.Compute(new Dictionary<string, string> { ["a"] = "bc" }));
    }

    [Test]
    public void Compute_ChangesWhenAnyValueChanges()
    {
        ConfigHash.Compute(new Dictionary<string, string> { ["a"] = "1\n" })
            .Should().NotBe(ConfigHash.Compute(new Dictionary<string, string> { ["a"] = "1" }));
    }

    [Test]
    public void Compute_OfTheReadmeExample_IsTheHashTheReadmeShows()
    {
        var spec = Support.TestAgents.Agent(s => s.CustomServiceConfig = "[libvirt]\ncpu_mode = host-passthrough\n").Spec;

        ConfigHash.Compute(NovaComputeConfig.Data(spec)).Should().Be("sha256:ce5ddbdb60e0716445e509d31e2acebad85da9d95aef9448135b16995d3d723d");
    }

    [Test]
    public void Short_KeepsThePrefixAndTwelveDigits()
    {
        var hash = ConfigHash.Compute(new Dictionary<string, string>());

        ConfigHash.Short(hash).Should().Be(hash[..19]).And.StartWith("sha256:");
        ConfigHash.Short(null).Should().Be("none");
    }
}
