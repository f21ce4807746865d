using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Tests.Tables;

public class HumanDurationTests
{
    [TestCase(0, "0s")]
    [TestCase(1.9, "1s")]
    [TestCase(5, "5s")]
    [TestCase(119, "119s")]
    [TestCase(120, "2m")]
    [TestCase(182, "3m2s")]
    [TestCase(599, "9m59s")]
    [TestCase(600, "10m")]
    [TestCase(179 * 60 + 59, "179m")]
    [TestCase(3 * 3600, "3h")]
    [TestCase(3 * 3600 + 5 * 60, "3h5m")]
    [TestCase(8 * 3600 - 60, "7h59m")]
    [TestCase(8 * 3600, "8h")]
    [TestCase(47 * 3600 + 3599, "47h")]
    [TestCase(48 * 3600, "2d")]
    [TestCase(50 * 3600, "2d2h")]
    [TestCase(191 * 3600, "7d23h")]
    [TestCase(192 * 3600, "8d")]
    [TestCase(729 * 86400, "729d")]
    [TestCase(730 * 86400, "2y")]
    [TestCase(731 * 86400, "2y1d")]
    [TestCase(2919 * 86400, "7y364d")]
    [TestCase(2920 * 86400, "8y")]
    [TestCase(4000 * 86400, "10y")]
    public void Format_OfAPositiveDuration_UsesTheSignificantUnits(double seconds, string expected)
    {
        HumanDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }

    [TestCase(-0.5, "0s")]
    [TestCase(-1.9, "0s")]
    [TestCase(-2, "<invalid>")]
    [TestCase(-3600, "<invalid>")]
    public void Format_OfAFutureTime_ToleratesUpToASecondOfSkew(double seconds, string expected)
    {
        HumanDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }
}
