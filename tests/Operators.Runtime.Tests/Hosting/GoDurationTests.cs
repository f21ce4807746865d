using FluentAssertions;
using Operators.Runtime.Hosting;

namespace Operators.Runtime.Tests.Hosting;

public sealed class GoDurationTests
{
    [TestCase("500ms", 500)]
    [TestCase("30s", 30_000)]
    [TestCase("1m30s", 90_000)]
    [TestCase("1.5s", 1_500)]
    [TestCase("10h", 36_000_000)]
    [TestCase("0", 0)]
    [TestCase(" 2s ", 2_000)]
    [TestCase("00:00:15", 15_000)]
    public void ValidDurations_Parse(string text, double milliseconds)
    {
        GoDuration.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [TestCase("")]
    [TestCase("15")]
    [TestCase("s")]
    [TestCase("5 s")]
    [TestCase("5d")]
    [TestCase("-5s")]
    [TestCase("1.2.3s")]
    [TestCase("-00:00:01")]
    public void InvalidDurations_AreRefused(string text) => GoDuration.TryParse(text, out _).Should().BeFalse();
}
