using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class VersionPriorityTests
{
    [Test]
    public void Order_PutsStableBeforeBetaBeforeAlphaAndOthersLast()
    {
        string[] versions = ["v1alpha1", "foo", "v1beta1", "v11alpha2", "v2", "v1", "v10", "v1beta2", "bar", "v12alpha1"];

        versions.Order(VersionPriority.Instance).Should().Equal(
            "v10", "v2", "v1", "v1beta2", "v1beta1", "v12alpha1", "v11alpha2", "v1alpha1", "bar", "foo");
    }
}
