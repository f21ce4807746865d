using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Operators.Runtime.Status;

namespace Operators.Runtime.Tests.Status;

public sealed class ProgressThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    [Test]
    public void Throttle_HoldsProgressBackForTheIntervalAfterAWrite_ThenLetsItGo()
    {
        var throttle = new ProgressThrottle(_time, TimeSpan.FromSeconds(5));
        throttle.Wait("openstack/bb091").Should().BeNull("nothing was written yet");

        throttle.Wrote("openstack/bb091");
        _time.Advance(TimeSpan.FromSeconds(2));
        throttle.Wait("openstack/bb091").Should().Be(TimeSpan.FromSeconds(3));
        throttle.Wait("openstack/bb092").Should().BeNull("each object has its own clock");

        _time.Advance(TimeSpan.FromSeconds(3));
        throttle.Wait("openstack/bb091").Should().BeNull();
    }

    [Test]
    public void Throttle_ForgetsABlock_AndWithAZeroIntervalHoldsNothing()
    {
        var throttle = new ProgressThrottle(_time, TimeSpan.FromSeconds(5));
        throttle.Wrote("openstack/bb091");
        throttle.Forget("openstack/bb091");
        throttle.Wait("openstack/bb091").Should().BeNull();

        var off = new ProgressThrottle(_time, TimeSpan.Zero);
        off.Wrote("openstack/bb091");
        off.Wait("openstack/bb091").Should().BeNull();
    }

    [TestCase(null, 5_000)]
    [TestCase("250ms", 250)]
    [TestCase("0s", 0)]
    public void AddStatusProgressThrottle_ReadsTheFlagIntoTheThrottle(string? flag, int milliseconds)
    {
        string[] args = flag is null ? [] : ["--status-progress-interval", flag];
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.AddStatusProgressThrottle();
        using var host = builder.Build();

        host.Services.GetRequiredService<IOptions<StatusProgressOptions>>().Value.ProgressInterval.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
        var throttle = host.Services.GetRequiredService<ProgressThrottle>();
        throttle.Wrote("ns/a");
        throttle.Wait("ns/a").Should().Be(milliseconds == 0 ? null : TimeSpan.FromMilliseconds(milliseconds));
    }

    [Test]
    public void AddStatusProgressThrottle_WithABadValue_FailsAtStartNamingTheFlag()
    {
        var builder = Host.CreateApplicationBuilder(["--status-progress-interval", "soon"]);
        builder.AddStatusProgressThrottle();
        using var host = builder.Build();

        var read = () => host.Services.GetRequiredService<IOptions<StatusProgressOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("--status-progress-interval 'soon' is not valid");
    }
}
