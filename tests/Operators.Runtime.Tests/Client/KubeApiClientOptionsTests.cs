using FluentAssertions;
using k8s;
using Microsoft.Extensions.Options;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Client;

public sealed class KubeApiClientOptionsTests
{
    [Test]
    public void Defaults_AreQps20AndBurst30()
    {
        var options = new KubeApiClientOptions();

        options.Qps.Should().Be(20);
        options.Burst.Should().Be(30);
    }

    [TestCase(0, 30)]
    [TestCase(-1, 30)]
    [TestCase(20, 0)]
    public void Constructor_WithAnInvalidRateLimit_Throws(double qps, int burst)
    {
        using var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });

        var create = () => new KubeApiClient(kubernetes, new KubeApiClientOptions { Qps = qps, Burst = burst });

        create.Should().Throw<OptionsValidationException>();
    }

    [Test]
    public void Constructor_WithANegativeRetryDelay_Throws()
    {
        using var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });

        var create = () => new KubeApiClient(kubernetes, new KubeApiClientOptions { RetryBaseDelay = TimeSpan.FromSeconds(-1) });

        create.Should().Throw<OptionsValidationException>().WithMessage("*RetryBaseDelay*");
    }
}
