using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using Operators.MaintenanceNotifier.Transitions;

namespace Operators.MaintenanceNotifier.Tests.Transitions;

public sealed class EventIdsTests
{
    private static readonly DateTime At = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);

    [Test]
    public void For_IsEvtAndTheFirst32HexOfTheSha256OfTheDocumentedInput()
    {
        var expected = "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("n-uid/bb-uid/Entered/2026-01-01T10:00:00Z")))[..32];

        EventIds.For("n-uid", "bb-uid", "Entered", At).Should().Be(expected).And.MatchRegex("^evt_[0-9a-f]{32}$");
    }

    [Test]
    public void For_IsTheSameForTheSameInstantInAnyKindOrOffset()
    {
        var id = EventIds.For("n", "b", "Left", At);

        EventIds.For("n", "b", "Left", DateTime.SpecifyKind(At, DateTimeKind.Unspecified)).Should().Be(id);
        EventIds.For("n", "b", "Left", At.ToLocalTime()).Should().Be(id);
        EventIds.For("n", "b", "Left", At.AddMilliseconds(999)).Should().Be(id, "fractions of a second are dropped");
    }

    [Test]
    public void For_DiffersWhenAnyPartDiffers()
    {
        string[] ids =
        [
            EventIds.For("n", "b", "Entered", At),
            EventIds.For("n2", "b", "Entered", At),
            EventIds.For("n", "b2", "Entered", At),
            EventIds.For("n", "b", "Left", At),
            EventIds.For("n", "b", "Entered", At.AddSeconds(1)),
        ];

        ids.Should().OnlyHaveUniqueItems();
    }

    [TestCase("2026-01-01T10:00:00.9999999Z", "2026-01-01T10:00:00Z")]
    [TestCase("2026-01-01T12:30:05+02:00", "2026-01-01T10:30:05Z")]
    [TestCase("2025-12-31T23:59:59Z", "2025-12-31T23:59:59Z")]
    public void Rfc3339_RendersUtcWholeSeconds(string input, string expected)
    {
        var parsed = DateTimeOffset.Parse(input, System.Globalization.CultureInfo.InvariantCulture);

        Rfc3339.ToText(parsed.UtcDateTime).Should().Be(expected);
        Rfc3339.ToText(parsed.LocalDateTime).Should().Be(expected);
    }

    [Test]
    public void Rfc3339_CeilingRoundsUpOnlyFractions()
    {
        Rfc3339.CeilingToSeconds(new DateTimeOffset(At)).Should().Be(At);
        Rfc3339.CeilingToSeconds(new DateTimeOffset(At.AddTicks(1))).Should().Be(At.AddSeconds(1));
    }
}
