using k8s;

namespace Operators.LocalApiServer.Tests.Api;

/// <summary>A local API server per test class and a real KubernetesClient pointed at it.</summary>
public abstract class ServerFixture
{
    protected LocalApiServer Server { get; private set; } = null!;

    protected Kubernetes Client { get; private set; } = null!;

    protected string Ns { get; private set; } = "";

    protected virtual LocalApiServerOptions Options() => new() { DeploymentReadyDelay = TimeSpan.FromMilliseconds(100) };

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Server = await LocalApiServer.StartAsync(Options());
        Client = new Kubernetes(new KubernetesClientConfiguration { Host = Server.BaseAddress.ToString() });
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    [SetUp]
    public async Task CreateNamespace()
    {
        Ns = "t-" + Guid.NewGuid().ToString("N")[..8];
        await Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new() { Name = Ns } });
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes.</summary>
    protected static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return await condition();
    }
}
