using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operators.LocalApiServer.Authorization;
using Operators.LocalApiServer.Controllers;
using Operators.LocalApiServer.Faults;
using Operators.LocalApiServer.Http;
using Operators.LocalApiServer.Storage;
using Operators.LocalApiServer.Watch;

namespace Operators.LocalApiServer;

/// <summary>
/// An in-memory Kubernetes API server on 127.0.0.1 that behaves like kube-apiserver for what
/// operators, kubectl and the official clients observe. Its state survives
/// <see cref="RestartAsync"/>; see the project README for the known deviations.
/// </summary>
public sealed class LocalApiServer : IAsyncDisposable
{
    private const long FirstResourceVersion = 1000;
    private readonly LocalApiServerOptions _options;
    private readonly ObjectStore _store;
    private readonly ApiRouter _router;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _controllers = [];
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private WebApplication? _app;
    private CancellationTokenSource _listenerStopping = new();

    private LocalApiServer(LocalApiServerOptions options)
    {
        _options = options;
        var time = options.TimeProvider;
        _store = new ObjectStore(options.HistoryLimit, FirstResourceVersion);
        var registry = new ResourceRegistry();
        var writer = new ObjectWriter(_store, registry, time);
        var crdController = new CustomResourceDefinitionController(_store, registry, writer, time);
        _store.Committed = crdController.OnCommitted;
        Faults = new FaultInjector(_store, time);
        var handler = new ResourceHandler(_store, registry, writer, new WatchStreamer(_store, options, time),
            new TableResponder(registry, time), new PatchApplier(registry));
        var admin = new AdminEndpoint(Faults, Requests, RestartAsync, time) { Denials = Denials };
        var gate = new AuthorizationGate(options, new RbacAuthorizer(_store), Denials);
        _router = new ApiRouter(registry, handler, admin, Faults, Requests, options) { Gate = gate };

        _controllers.Add(crdController.RunAsync(_stopping.Token));
        if (options.GarbageCollector)
        {
            _controllers.Add(new GarbageCollector(_store, registry, writer).RunAsync(_stopping.Token));
        }

        if (options.DeploymentController)
        {
            _controllers.Add(new DeploymentStatusController(_store, registry, writer, options).RunAsync(_stopping.Token));
        }

        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            writer.Create(registry.Find("", "v1", "namespaces")!, "",
                new System.Text.Json.Nodes.JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Namespace",
                    ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = ns },
                }, WriteOptions.Default);
        }
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:6443/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Fault injection controls.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Requests counted by verb and resource.</summary>
    public RequestCounters Requests { get; } = new();

    /// <summary>The requests refused by the RBAC evaluator (<see cref="LocalApiServerOptions.EnforceRbac"/>).</summary>
    public DenialLog Denials { get; } = new();

    /// <summary>True while the listener accepts requests.</summary>
    public bool IsListening => _app is not null;

    /// <summary>Starts a server with the given options on 127.0.0.1.</summary>
    public static async Task<LocalApiServer> StartAsync(LocalApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalApiServerOptions();
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new System.ComponentModel.DataAnnotations.ValidationContext(options), validateAllProperties: true);
        var server = new LocalApiServer(options);
        server.Port = options.Port;
        await server.ListenAsync(cancellationToken);
        return server;
    }

    /// <summary>Stops accepting requests (open watches end); the state is kept.</summary>
    public async Task StopListeningAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            await StopListenerAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Starts accepting requests again on the same port, with the state kept.</summary>
    public async Task StartListeningAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_app is null)
            {
                await ListenAsync(cancellationToken);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops the listener, waits <paramref name="downtime"/>, and starts it again on the same port.</summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        await StopListeningAsync();
        if (downtime > TimeSpan.Zero)
        {
            await Task.Delay(downtime, _options.TimeProvider);
        }

        await StartListeningAsync();
    }

    /// <summary>Writes a kubeconfig for this server (context <c>local</c>), optionally with a bearer token.</summary>
    public void WriteKubeconfig(string path, string? token = null) => Kubeconfig.Write(path, BaseAddress, token);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopListeningAsync();
        await _stopping.CancelAsync();
        await Task.WhenAll(_controllers);
        _stopping.Dispose();
        _listenerStopping.Dispose();
        _lifecycle.Dispose();
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, Port);
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.AllowSynchronousIO = false;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        var app = builder.Build();
        _listenerStopping = new CancellationTokenSource();
        var stopping = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, _listenerStopping.Token).Token;
        app.Run(context => _router.HandleAsync(context, stopping));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        _app = app;
    }

    private async Task StopListenerAsync()
    {
        if (_app is null)
        {
            return;
        }

        await _listenerStopping.CancelAsync();
        _store.DropWatches();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }
}
