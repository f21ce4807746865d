using FluentAssertions;
using Microsoft.Extensions.Options;

namespace Operators.WorkQueue.Tests;

public class WorkQueueOptionsTests
{
    [Test]
    public void Defaults_AreAnUnnamedQueueUpdatingItsWorkGaugesTwiceASecond()
    {
        var options = new WorkQueueOptions();

        options.Name.Should().BeEmpty();
        options.UnfinishedWorkUpdatePeriod.Should().Be(TimeSpan.FromMilliseconds(500));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(3_600_001)]
    public void Constructor_WithAnUpdatePeriodOutOfRange_Throws(int milliseconds)
    {
        var options = new WorkQueueOptions { UnfinishedWorkUpdatePeriod = TimeSpan.FromMilliseconds(milliseconds) };

        FluentActions.Invoking(() => new WorkQueue<string>(options))
            .Should().Throw<OptionsValidationException>().WithMessage("*UnfinishedWorkUpdatePeriod*");
    }

    [Test]
    public void Constructor_WithANullName_Throws()
    {
        var options = new WorkQueueOptions { Name = null! };

        FluentActions.Invoking(() => new PriorityWorkQueue<string>(options))
            .Should().Throw<OptionsValidationException>().WithMessage("*Name*");
    }

    [TestCase(1)]
    [TestCase(3_600_000)]
    public void Constructor_WithAnUpdatePeriodAtTheBounds_Accepts(int milliseconds)
    {
        var options = new WorkQueueOptions { Name = "q", UnfinishedWorkUpdatePeriod = TimeSpan.FromMilliseconds(milliseconds) };

        using var queue = new WorkQueue<string>(options);

        queue.IsShuttingDown.Should().BeFalse();
    }
}
