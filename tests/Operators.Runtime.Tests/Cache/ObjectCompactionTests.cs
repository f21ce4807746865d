using System.Text.Json;
using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Cache;

namespace Operators.Runtime.Tests.Cache;

public sealed class ObjectCompactionTests
{
    private static readonly JsonSerializerOptions Json = k8s.SourceGenerationContext.Default.Options;

    [Test]
    public void ACompactedObject_SerializesToTheSameJsonAsTheDecodedOne()
    {
        var compact = ObjectTransforms.DropManagedFieldsAndShare<V1Deployment>(Json);
        var source = Deployment("agent-1", "node001");
        var decoded = RoundTrip(source);
        var expected = ToJson(RoundTrip(source));

        var compacted = compact(decoded);

        compacted.Should().BeSameAs(decoded);
        ToJson(compacted).Should().Be(expected);
    }

    [Test]
    public void ObjectsCompactedByOneTransform_ShareEqualStringsMapsAndQuantities()
    {
        var compact = ObjectTransforms.DropManagedFieldsAndShare<V1Deployment>(Json);

        var first = compact(RoundTrip(Deployment("agent-1", "node001")));
        var second = compact(RoundTrip(Deployment("agent-2", "node002")));

        first.Metadata.NamespaceProperty.Should().BeSameAs(second.Metadata.NamespaceProperty);
        first.Metadata.OwnerReferences[0].Uid.Should().BeSameAs(second.Metadata.OwnerReferences[0].Uid);
        first.Metadata.Labels["app.kubernetes.io/part-of"].Should().BeSameAs(second.Metadata.Labels["app.kubernetes.io/part-of"]);
        first.Spec.Template.Spec.NodeSelector.Should().BeSameAs(second.Spec.Template.Spec.NodeSelector, "equal small maps are one shared map");
        first.Spec.Template.Spec.Containers[0].Image.Should().BeSameAs(second.Spec.Template.Spec.Containers[0].Image);
        first.Spec.Template.Spec.Containers[0].Resources.Limits.Should().BeSameAs(second.Spec.Template.Spec.Containers[0].Resources.Limits);
        first.Metadata.Labels.Should().NotBeSameAs(second.Metadata.Labels, "the host label differs");
    }

    [Test]
    public void EachTransform_HasItsOwnPool()
    {
        var forOneInformer = ObjectTransforms.DropManagedFieldsAndShare<V1Deployment>(Json);
        var forAnother = ObjectTransforms.DropManagedFieldsAndShare<V1Deployment>(Json);

        var first = forOneInformer(RoundTrip(Deployment("agent-1", "node001")));
        var second = forAnother(RoundTrip(Deployment("agent-2", "node002")));

        first.Metadata.NamespaceProperty.Should().Be(second.Metadata.NamespaceProperty).And.NotBeSameAs(second.Metadata.NamespaceProperty);
        first.Spec.Template.Spec.NodeSelector.Should().NotBeSameAs(second.Spec.Template.Spec.NodeSelector);
    }

    [Test]
    public void CompactedMaps_AnswerLookupsInOrderAndRefuseChanges()
    {
        var compact = ObjectTransforms.DropManagedFieldsAndShare<V1Deployment>(Json);

        var labels = compact(RoundTrip(Deployment("agent-1", "node001"))).Metadata.Labels;

        labels.Keys.Should().Equal("app.kubernetes.io/part-of", "openstack.operators.dev/host");
        labels.TryGetValue("openstack.operators.dev/host", out var host).Should().BeTrue();
        host.Should().Be("node001");
        labels.ContainsKey("missing").Should().BeFalse();
        labels.IsReadOnly.Should().BeTrue();
        labels.Invoking(l => l["x"] = "y").Should().Throw<NotSupportedException>().WithMessage("*read-only*");
        labels.Invoking(l => l.Remove("openstack.operators.dev/host")).Should().Throw<NotSupportedException>();
        new Dictionary<string, string>(labels).Should().HaveCount(2, "a copy is an ordinary dictionary");
    }

    [Test]
    public void Compaction_DropsManagedFieldsAndTrimsListsToArrays()
    {
        var compact = ObjectTransforms.DropManagedFieldsAndShare<V1Deployment>(Json);
        var deployment = RoundTrip(Deployment("agent-1", "node001"));
        deployment.Metadata.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl" }];

        var compacted = compact(deployment);

        compacted.Metadata.ManagedFields.Should().BeNull();
        compacted.Metadata.OwnerReferences.Should().BeOfType<V1OwnerReference[]>();
        compacted.Metadata.Finalizers.Should().BeOfType<string[]>().Which.Should().Equal("example.com/cleanup");
    }

    [Test]
    public void ThePool_StaysBoundedWhenEveryObjectBringsNewValues()
    {
        var compactor = new ObjectCompactor<V1ConfigMap>(Json);

        for (var i = 0; i < 20_000; i++)
        {
            compactor.Compact(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = "cm-" + i, NamespaceProperty = "ns", Labels = new Dictionary<string, string> { ["unique"] = "value-" + i } },
                Data = new Dictionary<string, string> { ["key"] = "data-" + i },
            });
        }

        compactor.Pooled.Should().BeLessThan(12_000, "two generations of at most 4,096 strings and 1,024 maps each");
    }

    [Test]
    public void AMapOfManyEntries_IsKeptAsItIs()
    {
        var compact = ObjectTransforms.DropManagedFieldsAndShare<V1ConfigMap>(Json);
        var data = Enumerable.Range(0, 40).ToDictionary(i => "key-" + i, i => "value-" + i);

        var compacted = compact(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "big" }, Data = data });

        compacted.Data.Should().BeSameAs(data);
    }

    internal static V1Deployment Deployment(string name, string host) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "openstack",
            Uid = Guid.NewGuid().ToString(),
            ResourceVersion = "42",
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "openstack", ["openstack.operators.dev/host"] = host },
            Finalizers = ["example.com/cleanup"],
            OwnerReferences = [new V1OwnerReference { ApiVersion = "openstack.operators.dev/v1alpha1", Kind = "NovaAgent", Name = "owner", Uid = "owner-uid", Controller = true }],
        },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["openstack.operators.dev/host"] = host } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["openstack.operators.dev/host"] = host } },
                Spec = new V1PodSpec
                {
                    NodeSelector = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "qa-de-1a" },
                    Containers =
                    [
                        new V1Container
                        {
                            Name = "nova-compute",
                            Image = "registry.example/nova-compute:2025.1",
                            Args = ["--config-file", "/etc/nova/nova.conf"],
                            Env = [new V1EnvVar { Name = "HOST", Value = host }],
                            Resources = new V1ResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("1Gi") },
                                Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("4Gi") },
                            },
                        },
                    ],
                },
            },
        },
        Status = new V1DeploymentStatus
        {
            Replicas = 1,
            Conditions = [new V1DeploymentCondition { Type = "Available", Status = "True", Reason = "MinimumReplicasAvailable", Message = "Deployment has minimum availability." }],
        },
    };

    private static V1Deployment RoundTrip(V1Deployment deployment) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(deployment, k8s.SourceGenerationContext.Default.V1Deployment), k8s.SourceGenerationContext.Default.V1Deployment)!;

    private static string ToJson(V1Deployment deployment) => JsonSerializer.Serialize(deployment, k8s.SourceGenerationContext.Default.V1Deployment);
}
