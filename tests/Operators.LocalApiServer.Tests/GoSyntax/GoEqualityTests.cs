using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.GoSyntax;
using Operators.LocalApiServer.Tests.Patching;

namespace Operators.LocalApiServer.Tests.GoSyntax;

/// <summary>Go's <c>==</c> and <c>reflect.DeepEqual</c> on decoded JSON.</summary>
[TestFixture]
public sealed class GoEqualityTests
{
    [TestCase("1", "1", true)]
    [TestCase("1", "1.0", false)]
    [TestCase("1.5", "1.50", true)]
    [TestCase("'1'", "1", false)]
    [TestCase("true", "true", true)]
    [TestCase("null", "null", true)]
    [TestCase("{}", "{}", false)]
    [TestCase("[1]", "[1]", false)]
    public void Equal_ComparesLikeGoEqualityOperator(string left, string right, bool equal)
    {
        GoEquality.Equal(Json.Parse(left), Json.Parse(right)).Should().Be(equal);
    }

    [TestCase("{'a':1,'b':[true,'x']}", "{'b':[true,'x'],'a':1}", true)]
    [TestCase("{'a':1}", "{'a':1.0}", false)]
    [TestCase("{'a':1}", "{'a':1,'b':null}", false)]
    [TestCase("[1,2]", "[2,1]", false)]
    [TestCase("'x'", "'x'", true)]
    public void DeepEqual_ComparesLikeReflectDeepEqual(string left, string right, bool equal)
    {
        GoEquality.DeepEqual(Json.Parse(left), Json.Parse(right)).Should().Be(equal);
    }
}
