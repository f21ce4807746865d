using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class ContentRulesTests
{
    [TestCase("example.com", true)]
    [TestCase("a", true)]
    [TestCase("a-b.c-d", true)]
    [TestCase("Not_Valid", false)]
    [TestCase("-a", false)]
    [TestCase("a.", false)]
    [TestCase("a\n", false)]
    [TestCase("", false)]
    public void Dns1123Subdomain_AcceptsOnlyLowercaseDottedLabels(string value, bool valid)
    {
        ContentRules.Dns1123Subdomain(value).Should().HaveCount(valid ? 0 : 1);
    }

    [Test]
    public void Dns1123Subdomain_TooLong_ReportsLengthAsWell()
    {
        ContentRules.Dns1123Subdomain(new string('a', 254) + "_").Should().HaveCount(2)
            .And.Contain("must be no more than 253 characters");
    }

    [TestCase("my-name", true)]
    [TestCase("123-abc", true)]
    [TestCase("a.b", false)]
    [TestCase("a_b", false)]
    public void Dns1123Label_RejectsDotsAndUnderscores(string value, bool valid)
    {
        ContentRules.Dns1123Label(value).Should().HaveCount(valid ? 0 : 1);
    }

    [TestCase("app", true)]
    [TestCase("app.kubernetes.io/name", true)]
    [TestCase("example.com/MyName", true)]
    [TestCase("/name", false)]
    [TestCase("a/b/c", false)]
    [TestCase("Example.com/name", false)]
    [TestCase("bad key", false)]
    public void QualifiedName_FollowsTheLabelKeyRules(string value, bool valid)
    {
        (ContentRules.QualifiedName(value).Count == 0).Should().Be(valid);
    }

    [Test]
    public void QualifiedName_WithEmptyPrefix_SaysSo()
    {
        ContentRules.QualifiedName("/name").Should().Equal("prefix part must be non-empty");
    }

    [TestCase("", true)]
    [TestCase("v1.2_x", true)]
    [TestCase("-x", false)]
    public void LabelValue_AllowsEmptyAndAlphanumericEdges(string value, bool valid)
    {
        (ContentRules.LabelValue(value).Count == 0).Should().Be(valid);
    }

    [TestCase("key.name", true)]
    [TestCase("KEY_NAME", true)]
    [TestCase(".", false)]
    [TestCase("..a", false)]
    [TestCase("a b", false)]
    public void ConfigMapKey_AllowsAlphanumericsDashUnderscoreDot(string value, bool valid)
    {
        (ContentRules.ConfigMapKey(value).Count == 0).Should().Be(valid);
    }

    [TestCase("http", true)]
    [TestCase("web-8080", true)]
    [TestCase("8080", false)]
    [TestCase("a--b", false)]
    [TestCase("way-too-long-port-name", false)]
    public void PortName_FollowsIanaServiceNames(string value, bool valid)
    {
        (ContentRules.PortName(value).Count == 0).Should().Be(valid);
    }

    [TestCase("agent-", true, 0)]
    [TestCase("Agent-", true, 1)]
    [TestCase("agent-", false, 1)]
    public void DnsSubdomainNameRule_AllowsATrailingDashOnlyInAPrefix(string name, bool prefix, int errors)
    {
        NameRules.DnsSubdomain(name, prefix).Should().HaveCount(errors);
    }

    [TestCase("a.b", 0)]
    [TestCase("..", 1)]
    [TestCase("a/b%c", 2)]
    public void PathSegmentNameRule_ForbidsOnlyWhatUrlsCannotCarry(string name, int errors)
    {
        NameRules.PathSegment(name, false).Should().HaveCount(errors);
    }
}
