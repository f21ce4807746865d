using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class ConfigMapCrudTests : ServerFixture
{
    [Test]
    public async Task Create_ThenGet_ReturnsServerSetMetadata()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("a", "1"), Ns);

        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        created.Metadata.CreationTimestamp.Should().NotBeNull();
        created.Metadata.Generation.Should().BeNull("configmaps do not track generation");
        var read = await Client.CoreV1.ReadNamespacedConfigMapAsync("a", Ns);
        read.Data["v"].Should().Be("1");
        read.Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
    }

    [Test]
    public async Task Create_WhenNameIsTaken_Is409AlreadyExists()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("a", "1"), Ns);

        var act = () => Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("a", "2"), Ns);

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Create_InMissingNamespace_Is404()
    {
        var act = () => Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("a", "1"), Ns + "-missing");

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Writes_GetStrictlyIncreasingResourceVersions()
    {
        var versions = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("m" + i, "1"), Ns);
            versions.Add(long.Parse(created.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
        }

        versions.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Update_WithStaleResourceVersion_Is409Conflict()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("a", "1"), Ns);
        created.Data["v"] = "2";
        await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", Ns);

        created.Data["v"] = "3";
        var act = () => Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", Ns);

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Update_WithIdenticalContent_KeepsResourceVersion()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("a", "1"), Ns);

        var updated = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", Ns);

        updated.Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
    }

    [Test]
    public async Task Create_WithGenerateName_AppendsFiveCharacters()
    {
        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "agent-" } };

        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(map, Ns);

        created.Metadata.Name.Should().MatchRegex("^agent-[a-z0-9]{5}$");
    }

    [Test]
    public async Task Create_WithInvalidName_Is422WithFieldCause()
    {
        var act = () => Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("Not_Valid", "1"), Ns);

        var error = (await act.Should().ThrowAsync<HttpOperationException>()).Which;
        ((int)error.Response.StatusCode).Should().Be(422);
        error.Response.Content.Should().Contain("metadata.name");
    }

    [Test]
    public async Task Delete_RemovesTheObject()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("a", "1"), Ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("a", Ns);

        var act = () => Client.CoreV1.ReadNamespacedConfigMapAsync("a", Ns);
        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Patch_MergeJsonAndStrategic_AllApply()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(NewMap("a", "1"), Ns);

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"m\":\"merge\"}}", V1Patch.PatchType.MergePatch), "a", Ns);
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("[{\"op\":\"add\",\"path\":\"/data/j\",\"value\":\"json\"}]", V1Patch.PatchType.JsonPatch), "a", Ns);
        var result = await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"s\":\"smp\"}}", V1Patch.PatchType.StrategicMergePatch), "a", Ns);

        result.Data.Should().Contain(new Dictionary<string, string> { ["v"] = "1", ["m"] = "merge", ["j"] = "json", ["s"] = "smp" });
    }

    internal static V1ConfigMap NewMap(string name, string value, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Data = new Dictionary<string, string> { ["v"] = value },
    };
}
