using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Client;

public sealed class CustomResourceClientTests : ApiServerTestBase
{
    private IResourceClient<Widget> _widgets = null!;

    [OneTimeSetUp]
    public async Task InstallDefinitionAsync() => await WidgetDefinition.InstallAsync(CreateClient());

    [SetUp]
    public void CreateResourceClient() => _widgets = CreateClient(resolver: WidgetJsonContext.Default).For<Widget>();

    [Test]
    public void ResourceType_IsReadFromTheKubernetesEntityAttribute() =>
        _widgets.ResourceType.Should().Be(new ResourceType(WidgetDefinition.Group, "v1alpha1", "widgets", "Widget"));

    [Test]
    public async Task Create_Get_Update_RoundTripsACustomResource()
    {
        var name = UniqueName("w");
        var created = await _widgets.CreateAsync(NewWidget(name, size: 3));
        created.ApiVersion.Should().Be(WidgetDefinition.Group + "/v1alpha1");
        created.Metadata.Generation.Should().Be(1);

        var read = await _widgets.GetAsync(name, "default");
        read.Spec!.Size.Should().Be(3);
        read.Spec.Size = 4;
        var updated = await _widgets.UpdateAsync(read);

        updated.Metadata.Generation.Should().Be(2);
        (await _widgets.ListAsync("default")).Items.Should().Contain(w => w.Metadata.Name == name && w.Spec!.Size == 4);
    }

    [Test]
    public async Task UpdateStatus_ChangesOnlyTheStatus()
    {
        var name = UniqueName("w");
        var created = await _widgets.CreateAsync(NewWidget(name, size: 1));

        created.Status = new WidgetStatus { Phase = "Ready" };
        created.Spec!.Size = 99;
        var updated = await _widgets.UpdateStatusAsync(created);

        updated.Status!.Phase.Should().Be("Ready");
        updated.Spec!.Size.Should().Be(1);
        updated.Metadata.Generation.Should().Be(1);
    }

    [Test]
    public async Task PatchStatus_WithAMergePatch_ChangesTheStatus()
    {
        var name = UniqueName("w");
        await _widgets.CreateAsync(NewWidget(name, size: 1));

        var patched = await _widgets.PatchStatusAsync(name, ResourcePatch.Merge("""{"status":{"phase":"Degraded"}}"""), "default");

        patched.Status!.Phase.Should().Be("Degraded");
    }

    [Test]
    public async Task Delete_RemovesTheCustomResource()
    {
        var name = UniqueName("w");
        await _widgets.CreateAsync(NewWidget(name, size: 1));

        await _widgets.DeleteAsync(name, "default");

        var get = () => _widgets.GetAsync(name, "default");
        (await get.Should().ThrowAsync<KubernetesApiException>()).Which.StatusCode.Should().Be(404);
    }

    [Test]
    public void For_ATypeWithoutJsonMetadata_SaysWhichContextIsMissing()
    {
        var client = CreateClient();

        var create = () => client.For<Widget>();

        create.Should().Throw<InvalidOperationException>().WithMessage("*JsonSerializable*Widget*");
    }

    internal static Widget NewWidget(string name, int size) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new WidgetSpec { Size = size, Color = "blue" },
    };
}
