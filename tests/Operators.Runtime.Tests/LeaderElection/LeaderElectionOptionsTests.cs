using FluentAssertions;
using k8s;
using Microsoft.Extensions.Options;
using Operators.Runtime.LeaderElection;

namespace Operators.Runtime.Tests.LeaderElection;

[TestFixture]
public sealed class LeaderElectionOptionsTests
{
    private static IEnumerable<TestCaseData> InvalidOptions()
    {
        yield return new TestCaseData(new LeaderElectionOptions(), "LeaseName").SetName("Validate_WithoutLeaseName_Fails");
        yield return new TestCaseData(Named(o => o.LeaseNamespace = ""), "LeaseNamespace").SetName("Validate_WithEmptyNamespace_Fails");
        yield return new TestCaseData(Named(o => o.Identity = ""), "Identity").SetName("Validate_WithEmptyIdentity_Fails");
        yield return new TestCaseData(Named(o => o.RenewDeadline = o.LeaseDuration), "RenewDeadline").SetName("Validate_WhenRenewDeadlineIsNotBelowLeaseDuration_Fails");
        yield return new TestCaseData(Named(o => o.RetryPeriod = o.RenewDeadline), "RetryPeriod").SetName("Validate_WhenRetryPeriodIsNotBelowRenewDeadline_Fails");
        yield return new TestCaseData(
            Named(o => (o.LeaseDuration, o.RenewDeadline, o.RetryPeriod) = (TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100))),
            "LeaseDuration").SetName("Validate_WithLeaseDurationUnderOneSecond_Fails");
        yield return new TestCaseData(Named(o => o.RetryPeriod = TimeSpan.FromMilliseconds(1)), "RetryPeriod").SetName("Validate_WithTinyRetryPeriod_Fails");
    }

    [Test]
    public void Defaults_AreClientGosTimings()
    {
        var options = new LeaderElectionOptions();

        options.LeaseDuration.Should().Be(TimeSpan.FromSeconds(15));
        options.RenewDeadline.Should().Be(TimeSpan.FromSeconds(10));
        options.RetryPeriod.Should().Be(TimeSpan.FromSeconds(2));
        options.LeaseNamespace.Should().Be("default");
        options.ReleaseOnCancel.Should().BeTrue();
    }

    [Test]
    public void CreateDefaultIdentity_IsTheHostNameWithARandomSuffix()
    {
        var first = LeaderElectionOptions.CreateDefaultIdentity();
        var second = LeaderElectionOptions.CreateDefaultIdentity();

        first.Should().StartWith(Environment.MachineName + "_").And.NotBe(second);
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void Constructor_WithInvalidOptions_ThrowsNamingTheField(LeaderElectionOptions options, string field)
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });

        var build = () => new LeaderElector(client, options);

        build.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(field);
    }

    [Test]
    public void Constructor_WithValidOptions_Succeeds()
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });

        var elector = new LeaderElector(client, Named(_ => { }), registry: Prometheus.Metrics.NewCustomRegistry());

        elector.IsLeader.Should().BeFalse();
        elector.CurrentLeader.Should().BeNull();
    }

    private static LeaderElectionOptions Named(Action<LeaderElectionOptions> change)
    {
        var options = new LeaderElectionOptions { LeaseName = "op" };
        change(options);
        return options;
    }
}
