using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Tables;

public class DeploymentTableTests
{
    [TestCase(
        """{"spec": {"replicas": 3, "selector": {"matchLabels": {"app": "api"}}, "template": {"spec": {"containers": [{"name": "api", "image": "api:1"}, {"name": "sidecar", "image": "proxy:2"}]}}}, "status": {"readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2}}""",
        """["demo","2/3",3,2,"5m","api,sidecar","api:1,proxy:2","app=api"]""")]
    [TestCase(
        """{"spec": {"replicas": 0}}""",
        """["demo","0/0",0,0,"5m","","",""]""")]
    [TestCase(
        """{"spec": {}}""",
        """["demo","0/1",0,0,"5m","","",""]""")]
    public void Cells_OfADeployment_ShowReadinessContainersAndSelector(string fields, string expected)
    {
        BuiltInTableColumnsTests.Cells("apps", "deployments", fields).Should().Be(expected);
    }
}
