using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class FinalizerAndGarbageCollectionTests : ServerFixture
{
    [Test]
    public async Task Delete_WithFinalizer_KeepsObjectTerminatingUntilFinalizerIsRemoved()
    {
        var map = ConfigMapCrudTests.NewMap("f", "1");
        map.Metadata.Finalizers = ["example.dev/hold"];
        await Client.CoreV1.CreateNamespacedConfigMapAsync(map, Ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("f", Ns);
        var terminating = await Client.CoreV1.ReadNamespacedConfigMapAsync("f", Ns);
        terminating.Metadata.DeletionTimestamp.Should().NotBeNull();

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "f", Ns);

        (await EventuallyAsync(async () => !await ExistsAsync("f"))).Should().BeTrue();
    }

    [TestCase("Background")]
    [TestCase("Foreground")]
    public async Task DeleteOwner_DeletesDependents(string policy)
    {
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("owner", "1"), Ns);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Dependent("dep", owner), Ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", Ns, propagationPolicy: policy);

        (await EventuallyAsync(async () => !await ExistsAsync("dep") && !await ExistsAsync("owner"))).Should().BeTrue();
    }

    [Test]
    public async Task DeleteOwner_WithOrphanPolicy_KeepsDependentsWithoutTheReference()
    {
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("owner", "1"), Ns);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Dependent("dep", owner), Ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", Ns, propagationPolicy: "Orphan");

        (await EventuallyAsync(async () => !await ExistsAsync("owner"))).Should().BeTrue();
        var dependent = await Client.CoreV1.ReadNamespacedConfigMapAsync("dep", Ns);
        dependent.Metadata.OwnerReferences.Should().BeNullOrEmpty();
    }

    [Test]
    public async Task DeleteNamespace_RemovesItsContentThenTheNamespace()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);

        await Client.CoreV1.DeleteNamespaceAsync(Ns);

        (await EventuallyAsync(async () =>
        {
            var namespaces = await Client.CoreV1.ListNamespaceAsync(fieldSelector: "metadata.name=" + Ns);
            return namespaces.Items.Count == 0;
        })).Should().BeTrue();
        (await Client.CoreV1.ListNamespacedConfigMapAsync(Ns)).Items.Should().BeEmpty();
    }

    private static V1ConfigMap Dependent(string name, V1ConfigMap owner)
    {
        var map = ConfigMapCrudTests.NewMap(name, "1");
        map.Metadata.OwnerReferences =
        [
            new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, Controller = true, BlockOwnerDeletion = true },
        ];
        return map;
    }

    private async Task<bool> ExistsAsync(string name)
    {
        try
        {
            await Client.CoreV1.ReadNamespacedConfigMapAsync(name, Ns);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
