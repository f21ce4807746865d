using FluentAssertions;
using k8s;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Client;

public sealed class KubeConfigLoaderTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("kubeconfig-tests").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Load_WithAnExplicitPath_UsesThatFileEvenInACluster()
    {
        var path = WriteKubeconfig("explicit.yaml", "https://explicit.example:6443");

        var config = Load(path, environment: [], inCluster: true);

        config.Host.Should().StartWith("https://explicit.example:6443");
    }

    [Test]
    public void Load_InACluster_PrefersTheServiceAccountOverKubeconfigVariable()
    {
        var fromVariable = WriteKubeconfig("env.yaml", "https://env.example:6443");

        var config = Load(null, environment: new() { ["KUBECONFIG"] = fromVariable }, inCluster: true);

        config.Host.Should().Be("https://in-cluster.example");
    }

    [Test]
    public void Load_OutsideACluster_UsesTheFirstExistingFileOfKubeconfigVariable()
    {
        var fromVariable = WriteKubeconfig("env.yaml", "https://env.example:6443");
        var missing = Path.Combine(_directory, "missing.yaml");

        var config = Load(null, environment: new() { ["KUBECONFIG"] = missing + Path.PathSeparator + fromVariable }, inCluster: false);

        config.Host.Should().StartWith("https://env.example:6443");
    }

    [Test]
    public void Load_WithNothingElse_FallsBackToTheHomeKubeconfig()
    {
        Directory.CreateDirectory(Path.Combine(_directory, ".kube"));
        WriteKubeconfig(Path.Combine(".kube", "config"), "https://home.example:6443");

        var config = Load(null, environment: new() { ["HOME"] = _directory }, inCluster: false);

        config.Host.Should().StartWith("https://home.example:6443");
    }

    [Test]
    public void Load_WithNoConfigurationAnywhere_SaysWhatToDo()
    {
        var load = () => Load(null, environment: new() { ["HOME"] = _directory }, inCluster: false);

        load.Should().Throw<InvalidOperationException>().WithMessage("*--kubeconfig*KUBECONFIG*");
    }

    private static KubernetesClientConfiguration Load(string? path, Dictionary<string, string> environment, bool inCluster) =>
        KubeConfigLoader.Load(path, null, name => environment.GetValueOrDefault(name), () => inCluster, () => new KubernetesClientConfiguration { Host = "https://in-cluster.example" });

    private string WriteKubeconfig(string relativePath, string server)
    {
        var path = Path.Combine(_directory, relativePath);
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: {server}
            users:
            - name: u
              user:
                token: secret
            contexts:
            - name: ctx
              context:
                cluster: c
                user: u
            current-context: ctx
            """);
        return path;
    }
}
