using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Tests.Tables;

public class KubeTimestampTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [TestCase("2025-01-02T03:03:05Z", "60s")]
    [TestCase("2025-01-02T03:00:00Z", "4m5s")]
    [TestCase("2025-01-02T04:00:00+01:00", "4m5s")]
    [TestCase("2025-01-01T22:00:00-05:00", "4m5s")]
    [TestCase("2025-01-02T03:04:04.5Z", "0s")]
    [TestCase("2025-01-02T03:04:03.123456789Z", "1s")]
    [TestCase("2024-12-31T03:04:05Z", "2d")]
    [TestCase("2025-01-02T03:04:09Z", "<invalid>")]
    [TestCase("yesterday", "<invalid>")]
    [TestCase("2025-01-02 03:00:00Z", "<invalid>")]
    [TestCase("2025-02-30T00:00:00Z", "<invalid>")]
    [TestCase("2025-01-02T03:00:00", "<invalid>")]
    [TestCase("0001-01-01T00:00:00Z", "<unknown>")]
    [TestCase("", "<unknown>")]
    [TestCase("null", "<unknown>")]
    [TestCase(null, "<unknown>")]
    public void Age_OfATimestamp_IsTheHumanDurationSinceIt(string? timestamp, string expected)
    {
        KubeTimestamp.Age(timestamp, Now).Should().Be(expected);
    }

    [TestCase("5")]
    [TestCase("{}")]
    [TestCase("null")]
    public void Age_OfAFieldThatIsNoString_IsUnknown(string json)
    {
        KubeTimestamp.Age(JsonNode.Parse(json), Now).Should().Be("<unknown>");
    }

    [TestCase("\"2024-05-06T07:08:09.123+02:00\"", "2024-05-06T05:08:09Z")]
    [TestCase("\"2024-05-06T07:08:09Z\"", "2024-05-06T07:08:09Z")]
    [TestCase("null", "0001-01-01T00:00:00Z")]
    [TestCase("\"garbage\"", "0001-01-01T00:00:00Z")]
    public void Rfc3339Utc_OfAField_IsTheUtcTimeToTheSecond(string json, string expected)
    {
        KubeTimestamp.Rfc3339Utc(JsonNode.Parse(json)).Should().Be(expected);
    }

    [TestCase("\"2024-05-06T07:08:09Z\"", false)]
    [TestCase("\"0001-01-01T00:00:00Z\"", true)]
    [TestCase("\"\"", true)]
    [TestCase("null", true)]
    public void IsZero_TellsWhetherAFieldHoldsATime(string json, bool expected)
    {
        KubeTimestamp.IsZero(JsonNode.Parse(json)).Should().Be(expected);
    }
}
