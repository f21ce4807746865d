using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Client;
using Operators.Runtime.Tests.Cache;

namespace Operators.Runtime.Tests.Client;

public sealed class ConfigMapClientTests : ApiServerTestBase
{
    private IResourceClient<V1ConfigMap> _configMaps = null!;

    [SetUp]
    public void CreateResourceClient() => _configMaps = CreateClient().For<V1ConfigMap>();

    [Test]
    public async Task Create_Get_Update_Delete_RoundTripsAConfigMap()
    {
        var name = UniqueName("cm");
        var created = await _configMaps.CreateAsync(NewConfigMap(name, ("a", "1")));
        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        created.ApiVersion.Should().Be("v1");
        created.Kind.Should().Be("ConfigMap");

        var read = await _configMaps.GetAsync(name, "default");
        read.Data.Should().Contain("a", "1");

        read.Data["a"] = "2";
        var updated = await _configMaps.UpdateAsync(read);
        updated.Metadata.ResourceVersion.Should().NotBe(created.Metadata.ResourceVersion);

        await _configMaps.DeleteAsync(name, "default");
        var get = () => _configMaps.GetAsync(name, "default");
        (await get.Should().ThrowAsync<KubernetesApiException>()).Which.IsNotFound.Should().BeTrue();
    }

    [Test]
    public async Task Update_WithAStaleResourceVersion_ThrowsAConflict()
    {
        var name = UniqueName("cm");
        var created = await _configMaps.CreateAsync(NewConfigMap(name, ("a", "1")));
        var fresh = await _configMaps.GetAsync(name, "default");
        fresh.Data["a"] = "2";
        await _configMaps.UpdateAsync(fresh);

        created.Data["a"] = "3";
        var update = () => _configMaps.UpdateAsync(created);

        (await update.Should().ThrowAsync<KubernetesConflictException>()).Which.StatusCode.Should().Be(409);
    }

    [Test]
    public async Task Create_OfAnExistingName_ThrowsAlreadyExists()
    {
        var name = UniqueName("cm");
        await _configMaps.CreateAsync(NewConfigMap(name));

        var create = () => _configMaps.CreateAsync(NewConfigMap(name));

        (await create.Should().ThrowAsync<KubernetesConflictException>()).Which.IsAlreadyExists.Should().BeTrue();
    }

    [TestCase(PatchType.Merge, """{"data":{"b":"2"}}""")]
    [TestCase(PatchType.StrategicMerge, """{"data":{"b":"2"}}""")]
    [TestCase(PatchType.Json, """[{"op":"add","path":"/data/b","value":"2"}]""")]
    public async Task Patch_InEachFormat_ChangesTheObject(PatchType type, string body)
    {
        var name = UniqueName("cm");
        await _configMaps.CreateAsync(NewConfigMap(name, ("a", "1")));

        var patched = await _configMaps.PatchAsync(name, new ResourcePatch(type, body), "default");

        patched.Data.Should().Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
    }

    [Test]
    public async Task List_WithALabelSelector_ReturnsOnlyMatchingObjects()
    {
        var app = UniqueName("app");
        await _configMaps.CreateAsync(NewConfigMap(UniqueName("cm"), labels: new() { ["app"] = app }));
        await _configMaps.CreateAsync(NewConfigMap(UniqueName("cm"), labels: new() { ["app"] = app }));
        await _configMaps.CreateAsync(NewConfigMap(UniqueName("cm")));

        var list = await _configMaps.ListAsync("default", new ListOptions { LabelSelector = "app=" + app });

        list.Items.Should().HaveCount(2).And.OnlyContain(cm => cm.Metadata.Labels["app"] == app);
        list.ResourceVersion.Should().NotBeNullOrEmpty();
        list.Items.Should().OnlyContain(cm => cm.Kind == "ConfigMap" && cm.ApiVersion == "v1");
    }

    [Test]
    public async Task List_WithALimit_PagesThroughContinueTokens()
    {
        var app = UniqueName("app");
        for (var i = 0; i < 5; i++)
        {
            await _configMaps.CreateAsync(NewConfigMap(UniqueName("cm"), labels: new() { ["app"] = app }));
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _configMaps.ListAsync("default", new ListOptions { LabelSelector = "app=" + app, Limit = 2, Continue = token });
            names.AddRange(page.Items.Select(cm => cm.Metadata.Name));
            token = page.Continue;
            pages++;
        }
        while (token is not null);

        pages.Should().Be(3);
        names.Should().HaveCount(5).And.OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Delete_WithAWrongUidPrecondition_ThrowsAConflict()
    {
        var name = UniqueName("cm");
        await _configMaps.CreateAsync(NewConfigMap(name));

        var delete = () => _configMaps.DeleteAsync(name, "default", new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "not-the-uid" } });

        await delete.Should().ThrowAsync<KubernetesConflictException>();
        (await _configMaps.GetAsync(name, "default")).Should().NotBeNull();
    }

    [Test]
    public async Task Delete_WithOrphanPropagation_KeepsTheDependents()
    {
        var owner = await _configMaps.CreateAsync(NewConfigMap(UniqueName("owner")));
        var dependent = NewConfigMap(UniqueName("dependent"));
        dependent.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid }];
        await _configMaps.CreateAsync(dependent);

        await _configMaps.DeleteAsync(owner.Metadata.Name, "default", new V1DeleteOptions { PropagationPolicy = "Orphan" });

        await Eventually.HoldsAsync(
            async () =>
            {
                var list = await _configMaps.ListAsync("default", new ListOptions { FieldSelector = "metadata.name=" + dependent.Metadata.Name });
                return list.Items is [{ Metadata.OwnerReferences: null or [] }];
            },
            "the dependent is orphaned");
        await Eventually.HoldsAsync(
            async () => (await _configMaps.ListAsync("default", new ListOptions { FieldSelector = "metadata.name=" + owner.Metadata.Name })).Items.Count == 0,
            "the owner is gone once its orphan finalizer ran");
    }

    [Test]
    public async Task ClusterScopedObjects_UseNoNamespaceInTheirPath()
    {
        var namespaces = CreateClient().For<V1Namespace>();
        var name = UniqueName("ns");

        await namespaces.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });

        (await namespaces.GetAsync(name)).Metadata.Name.Should().Be(name);
    }

    internal static V1ConfigMap NewConfigMap(string name, (string Key, string Value)? entry = null, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Labels = labels },
        Data = entry is { } e ? new Dictionary<string, string> { [e.Key] = e.Value } : new Dictionary<string, string>(),
    };
}
