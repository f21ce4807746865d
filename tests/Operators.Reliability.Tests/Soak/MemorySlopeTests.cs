using FluentAssertions;
using Operators.Soak;

namespace Operators.Reliability.Tests.Soak;

/// <summary>The soak's memory check: a leak fails it, a single step after warm-up does not.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class MemorySlopeTests
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(90);

    [Test]
    public void ALeakOfSixMiBPerMinute_IsSustainedThroughBothHalves()
    {
        var slope = FitOne(t => 100 + (6 * t.TotalMinutes));

        slope.SlopeMiBPerHour.Should().BeApproximately(360, 0.01);
        slope.FirstHalfMiBPerHour.Should().BeApproximately(360, 0.01);
        slope.SecondHalfMiBPerHour.Should().BeApproximately(360, 0.01);
        slope.SustainedMiBPerHour.Should().BeApproximately(360, 0.01);
    }

    [Test]
    public void ASingleStepInTheSecondHalf_RaisesTheWholeWindowsSlopeButNotTheSustainedOne()
    {
        // The step the CI soak saw in the API server: +9 MiB just after 2:15, flat before and after.
        var slope = FitOne(t => t < TimeSpan.FromSeconds(140) ? 102.7 : 111.7);

        slope.SlopeMiBPerHour.Should().BeGreaterThan(360, "a step in the window tilts one fitted line");
        slope.FirstHalfMiBPerHour.Should().BeApproximately(0, 0.01);
        slope.SustainedMiBPerHour.Should().BeApproximately(0, 0.01);
    }

    [Test]
    public void StepsInBothHalves_AreSustainedGrowth()
    {
        // +6 MiB every 30 s: a leak that comes in bursts.
        var slope = FitOne(t => 100 + (6 * Math.Floor(t.TotalSeconds / 30)));

        slope.SustainedMiBPerHour.Should().BeGreaterThan(360);
    }

    [Test]
    public void SamplesBeforeTheWarmup_AreLeftOut()
    {
        var slope = FitOne(t => t < Warmup ? t.TotalSeconds : 200);

        slope.Samples.Should().Be(19);
        slope.FirstMiB.Should().Be(200);
        slope.MaxMiB.Should().Be(200);
        slope.SustainedMiBPerHour.Should().Be(0);
    }

    [Test]
    public void TooFewSamplesForTheHalves_FallBackToTheWholeWindow()
    {
        var samples = Samples(TimeSpan.FromSeconds(90), t => 100 + t.TotalMinutes, TimeSpan.FromSeconds(105), TimeSpan.FromSeconds(5));

        var slope = MemorySlope.Fit(samples, TimeSpan.FromSeconds(90)).Single();

        slope.Samples.Should().Be(4);
        slope.FirstHalfMiBPerHour.Should().BeNull("two samples make no fit");
        slope.SustainedMiBPerHour.Should().Be(slope.SlopeMiBPerHour);
        slope.SlopeMiBPerHour.Should().BeApproximately(60, 0.01);
    }

    // Samples every 5 s over 3 minutes, like the CI soak: 19 after the 90 s warm-up.
    private static MemorySlope FitOne(Func<TimeSpan, double> rss) =>
        MemorySlope.Fit(Samples(TimeSpan.Zero, rss, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(5)), Warmup).Single();

    private static List<Sample> Samples(TimeSpan from, Func<TimeSpan, double> rss, TimeSpan to, TimeSpan every)
    {
        var samples = new List<Sample>();
        for (var t = from; t <= to; t += every)
        {
            samples.Add(new Sample(t, new Dictionary<string, double?> { ["api"] = rss(t) }, new Dictionary<string, double?>(), null, 0));
        }

        return samples;
    }
}
