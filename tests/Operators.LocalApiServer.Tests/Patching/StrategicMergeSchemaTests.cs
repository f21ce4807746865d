using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Patching;

namespace Operators.LocalApiServer.Tests.Patching;

public class StrategicMergeSchemaTests
{
    [TestCase("spec.template.spec.containers", "name")]
    [TestCase("spec.template.spec.initContainers", "name")]
    [TestCase("spec.template.spec.ephemeralContainers", "name")]
    [TestCase("spec.template.spec.containers.env", "name")]
    [TestCase("spec.template.spec.initContainers.ports", "containerPort")]
    [TestCase("spec.template.spec.containers.volumeMounts", "mountPath")]
    [TestCase("spec.template.spec.volumes", "name")]
    [TestCase("spec.template.spec.imagePullSecrets", "name")]
    [TestCase("status.conditions", "type")]
    [TestCase("metadata.ownerReferences", "uid")]
    [TestCase("spec.template.metadata.ownerReferences", "uid")]
    public void ForKind_WhenDeployment_DeclaresTheMergeKeysOfKubernetes(string path, string mergeKey)
    {
        var rule = StrategicMergeSchema.ForKind("apps", "Deployment")!.RuleFor(path);

        rule.Should().Be(StrategicPatchRule.MergeByKey(mergeKey));
    }

    [TestCase("spec.template.spec.tolerations")]
    [TestCase("spec.template.spec.containers.envFrom")]
    public void ForKind_WhenDeployment_DeclaresAtomicLists(string path)
    {
        StrategicMergeSchema.ForKind("apps", "Deployment")!.RuleFor(path).Should().Be(StrategicPatchRule.Replace);
    }

    [TestCase("apps", "Deployment")]
    [TestCase("", "Service")]
    [TestCase("", "ConfigMap")]
    [TestCase("", "Secret")]
    [TestCase("", "Namespace")]
    [TestCase("", "Event")]
    [TestCase("events.k8s.io", "Event")]
    [TestCase("coordination.k8s.io", "Lease")]
    public void ForKind_WhenBuiltIn_MergesFinalizersAsASet(string group, string kind)
    {
        var schema = StrategicMergeSchema.ForKind(group, kind)!;

        schema.RuleFor("metadata.finalizers").Should().Be(StrategicPatchRule.MergeAsSet);
    }

    [Test]
    public void ForKind_WhenService_MergesPortsByPort()
    {
        StrategicMergeSchema.ForKind("", "Service")!.RuleFor("spec.ports").Should().Be(StrategicPatchRule.MergeByKey("port"));
    }

    [TestCase("openstack.operators.dev", "BuildingBlock")]
    [TestCase("apps", "ConfigMap")]
    public void ForKind_WhenNotABuiltInOfThisServer_ReturnsNull(string group, string kind)
    {
        StrategicMergeSchema.ForKind(group, kind).Should().BeNull();
    }

    [Test]
    public void RuleFor_WhenFieldIsNotDeclared_ReturnsNull()
    {
        StrategicMergeSchema.ForKind("", "ConfigMap")!.RuleFor("data").Should().BeNull();
    }
}
