using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Kubectl;

/// <summary>
/// A local API server per test class, a kubeconfig for it in a temporary folder, and the real
/// kubectl pointed at it. Every test gets a fresh namespace, passed to kubectl with <c>-n</c>.
/// </summary>
public abstract class KubectlFixture
{
    private string _folder = "";
    private HttpClient _http = null!;

    protected LocalApiServer Server { get; private set; } = null!;

    protected string Ns { get; private set; } = "";

    internal KubectlRunner Kubectl { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAndWriteKubeconfig()
    {
        Server = await LocalApiServer.StartAsync(new LocalApiServerOptions { DeploymentReadyDelay = TimeSpan.FromMilliseconds(200) });
        _http = new HttpClient { BaseAddress = Server.BaseAddress };
        _folder = Path.Combine(Path.GetTempPath(), "kubectl-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var kubeconfig = Path.Combine(_folder, "kubeconfig");
        Server.WriteKubeconfig(kubeconfig);
        Kubectl = new KubectlRunner(kubeconfig, Path.Combine(_folder, "cache"));
    }

    [OneTimeTearDown]
    public async Task StopServerAndRemoveFolder()
    {
        _http.Dispose();
        await Server.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [SetUp]
    public async Task CreateNamespace()
    {
        Ns = "k-" + Guid.NewGuid().ToString("N")[..8];
        var body = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = Ns } };
        using var response = await _http.PostAsJsonAsync("api/v1/namespaces", body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Writes <paramref name="yaml"/> to a new file in the temporary folder and returns its path.</summary>
    protected string WriteManifest(string yaml)
    {
        var path = Path.Combine(_folder, "manifest-" + Guid.NewGuid().ToString("N")[..8] + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Runs kubectl in the test's namespace.</summary>
    internal Task<KubectlResult> RunInNamespaceAsync(params string[] arguments) => Kubectl.RunAsync([.. arguments, "-n", Ns]);

    /// <summary>Runs <c>kubectl apply -f</c> of <paramref name="yaml"/> in the test's namespace.</summary>
    internal Task<KubectlResult> ApplyAsync(string yaml, params string[] extraArguments) =>
        RunInNamespaceAsync(["apply", "-f", WriteManifest(yaml), .. extraArguments]);
}
