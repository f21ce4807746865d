using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Operators.Runtime.Hosting;

namespace Operators.Runtime.Tests.Hosting;

public sealed class OperatorOptionsTests
{
    [Test]
    public void Defaults_FollowDesign_AndAreValid()
    {
        var options = new OperatorOptions { Name = "building-block" };

        options.MetricsBindAddress.Should().Be(":8080");
        options.HealthProbeBindAddress.Should().Be(":8081");
        options.LeaderElect.Should().BeFalse();
        options.LogFormat.Should().Be(OperatorLogFormat.Json);
        Validate(options).Should().BeEmpty();
    }

    [Test]
    public void Flags_OverrideCode_AndTheOperatorSectionFillsTheRest()
    {
        var options = new OperatorOptions { Name = "x", MaxConcurrentReconciles = 3 };
        var errors = new List<string>();

        OperatorConfiguration.Apply(
            Configuration(
                "--max-concurrent-reconciles", "7", "--leader-elect=true", "--log-format", "text", "--log-level", "debug",
                "--kube-api-qps", "2.5", "--Operator:KubeApiBurst", "9", "--namespace", "ns1"),
            options,
            errors);

        errors.Should().BeEmpty();
        options.MaxConcurrentReconciles.Should().Be(7);
        options.LeaderElect.Should().BeTrue();
        options.LogFormat.Should().Be(OperatorLogFormat.Text);
        options.LogLevel.Should().Be(LogLevel.Debug);
        options.KubeApiQps.Should().Be(2.5);
        options.KubeApiBurst.Should().Be(9);
        options.Namespace.Should().Be("ns1");
    }

    [Test]
    public void UnparsableFlags_AreReportedByFlagName()
    {
        var errors = new List<string>();

        OperatorConfiguration.Apply(Configuration("--leader-elect", "maybe", "--log-format", "xml"), new OperatorOptions(), errors);

        errors.Should().Equal(
            "--leader-elect 'maybe' is not valid: expected true or false.",
            "--log-format 'xml' is not valid: expected json or text.");
    }

    [Test]
    public void DurationFlags_AreReadAsGoDurations()
    {
        var options = new OperatorOptions { Name = "x" };
        var errors = new List<string>();

        OperatorConfiguration.Apply(
            Configuration(
                "--leader-election-lease-duration", "4s", "--leader-election-renew-deadline", "3s",
                "--leader-election-retry-period", "500ms", "--sync-period", "1m30s"),
            options,
            errors);

        errors.Should().BeEmpty();
        options.LeaseDuration.Should().Be(TimeSpan.FromSeconds(4));
        options.RenewDeadline.Should().Be(TimeSpan.FromSeconds(3));
        options.RetryPeriod.Should().Be(TimeSpan.FromMilliseconds(500));
        options.SyncPeriod.Should().Be(TimeSpan.FromSeconds(90));
    }

    [Test]
    public void UnparsableDurations_NameTheFlag()
    {
        var errors = new List<string>();

        OperatorConfiguration.Apply(Configuration("--sync-period", "often"), new OperatorOptions(), errors);

        errors.Should().Equal("--sync-period 'often' is not valid: expected a duration such as 500ms, 30s, 1m30s or 10h.");
    }

    [Test]
    public void ASyncPeriodUnderOneSecond_IsRefused()
    {
        Validate(new OperatorOptions { Name = "x", SyncPeriod = TimeSpan.FromMilliseconds(10) })
            .Should().ContainSingle().Which.Should().StartWith("--sync-period");
    }

    [TestCase(":8080", true)]
    [TestCase("127.0.0.1:0", true)]
    [TestCase("[::1]:9090", true)]
    [TestCase("localhost:8081", true)]
    [TestCase("0", true)]
    [TestCase("8080", false)]
    [TestCase(":http", false)]
    [TestCase("example.com:80", false)]
    public void BindAddresses_Parse(string value, bool valid) => BindAddress.TryParse(value, out _).Should().Be(valid);

    [Test]
    public void OutOfRangeValues_NameTheFlag()
    {
        var options = new OperatorOptions { Name = "x", MaxConcurrentReconciles = 0, KubeApiBurst = 0, MetricsBindAddress = "nope" };

        Validate(options).Should().BeEquivalentTo(
            "--max-concurrent-reconciles 0 is out of range: expected 1 to 1000.",
            "--kube-api-burst 0 is out of range: expected 1 to 100000.",
            "--metrics-bind-address 'nope' is not host:port, :port or 0.");
    }

    private static IConfiguration Configuration(params string[] args) => new ConfigurationBuilder().AddCommandLine(args).Build();

    private static IEnumerable<string> Validate(OperatorOptions options) =>
        new OperatorOptionsValidator().Validate(null, options).Failures ?? [];
}
