using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>The string formats custom resources validate, and those they ignore.</summary>
[TestFixture]
public sealed class StringFormatsTests
{
    [TestCase("date-time", "2024-01-01T00:00:00Z", true)]
    [TestCase("date-time", "2024-01-01t10:20:30.5+01:00", true)]
    [TestCase("date-time", "2024-02-30T00:00:00Z", false)]
    [TestCase("date-time", "2024-01-01T24:00:00Z", false)]
    [TestCase("date-time", "2024-01-01 00:00:00Z", false)]
    [TestCase("date", "2024-12-31", true)]
    [TestCase("date", "2024-13-01", false)]
    [TestCase("byte", "aGVsbG8=", true)]
    [TestCase("byte", "aGVsbG8", false)]
    [TestCase("uuid", "123E4567-e89b-12d3-a456-426614174000", true)]
    [TestCase("uuid4", "123e4567-e89b-12d3-a456-426614174000", false)]
    [TestCase("ipv4", "10.0.0.1", true)]
    [TestCase("ipv4", "10.0.1", false)]
    [TestCase("ipv4", "010.0.0.1", false)]
    [TestCase("ipv6", "fe80::1", true)]
    [TestCase("ipv6", "fe80::1%eth0", false)]
    [TestCase("cidr", "10.0.0.0/8", true)]
    [TestCase("cidr", "10.0.0.0/33", false)]
    [TestCase("mac", "00:1a:2b:3c:4d:5e", true)]
    [TestCase("hostname", "node001-bb091.example.com", true)]
    [TestCase("hostname", "-bad", false)]
    [TestCase("email", "ops@example.com", true)]
    [TestCase("email", "not an email", false)]
    [TestCase("uri", "https://example.com/hook", true)]
    [TestCase("uri", "relative/path", false)]
    [TestCase("hexcolor", "#a0f", true)]
    [TestCase("rgbcolor", "rgb(255, 0, 256)", false)]
    [TestCase("ssn", "123-45-6789", true)]
    [TestCase("isbn10", "0321751043", true)]
    [TestCase("isbn13", "978-0321751041", true)]
    [TestCase("creditcard", "4111 1111 1111 1111", true)]
    [TestCase("creditcard", "4111 1111 1111 1112", false)]
    [TestCase("bsonobjectid", "507f1f77bcf86cd799439011", true)]
    [TestCase("duration", "22 ns", true)]
    [TestCase("duration", "forever", false)]
    [TestCase("password", "", true)]
    public void IsValid_WhenValueIsChecked_FollowsTheFormat(string format, string value, bool valid)
    {
        StringFormats.IsValid(format, value).Should().Be(valid);
    }

    [TestCase("int32", false)]
    [TestCase("int64", false)]
    [TestCase("double", false)]
    [TestCase("date-time", true)]
    [TestCase("datetime", true)]
    [TestCase("uuid", true)]
    public void IsSupported_WhenFormatIsNamed_ReportsWhetherCustomResourcesCheckIt(string format, bool supported)
    {
        StringFormats.IsSupported(format).Should().Be(supported);
    }
}
