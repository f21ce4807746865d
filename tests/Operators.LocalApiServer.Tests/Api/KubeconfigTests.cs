using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using k8s;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class KubeconfigTests : ServerFixture
{
    [Test]
    public async Task WrittenKubeconfig_IsAcceptedByTheCSharpClient()
    {
        var path = Path.Combine(Path.GetTempPath(), "kc-" + Guid.NewGuid().ToString("N"), "kubeconfig");
        Server.WriteKubeconfig(path);

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        using var client = new Kubernetes(config);

        (await client.CoreV1.ListNamespaceAsync()).Items.Should().Contain(n => n.Metadata.Name == Ns);
    }

    [Test]
    public async Task Create_WithProtobufBody_Is415UnsupportedMediaType()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var body = new ByteArrayContent("k8s\0"u8.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");

        using var response = await http.PostAsync($"api/v1/namespaces/{Ns}/configmaps", body);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync()).Should().Contain("UnsupportedMediaType");
    }
}
