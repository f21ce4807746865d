using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.Tests.Client;
using Prometheus;

namespace Operators.Runtime.Tests.Controllers;

/// <summary>
/// A tiny controller end to end against the local API server: every ConfigMap labelled
/// <c>example=source</c> gets a copy <c>&lt;name&gt;-copy</c> that it controls.
/// </summary>
public sealed class ExampleControllerTests : ApiServerTestBase
{
    [Test]
    public async Task Source_GetsAControlledCopy_AndADeletedCopyIsRestoredThroughOwns()
    {
        await using var running = await StartAsync();
        var source = await running.ConfigMaps.CreateAsync(Source(running.Namespace, "s1", "v1"));

        var copy = await EventuallyGetAsync(running, "s1-copy");
        copy.Data["value"].Should().Be("v1");
        copy.Metadata.OwnerReferences.Should().ContainSingle(r => r.Uid == source.Metadata.Uid && r.Controller == true);

        await running.ConfigMaps.DeleteAsync("s1-copy", running.Namespace);

        (await EventuallyGetAsync(running, "s1-copy")).Data["value"].Should().Be("v1", "Owns enqueued the owner, which restored its copy");
    }

    [Test]
    public async Task Conflict_ReachesTheReconciler_WhichSucceedsOnRequeue()
    {
        await using var running = await StartAsync();
        await running.ConfigMaps.CreateAsync(Source(running.Namespace, "s2", "v1"));
        await EventuallyGetAsync(running, "s2-copy");

        Server.Faults.FailNext(1, 409, verb: "update", resource: "configmaps");
        await running.ConfigMaps.PatchAsync("s2", ResourcePatch.Merge("{\"data\":{\"value\":\"v2\"}}"), running.Namespace);

        await Eventually.HoldsAsync(async () => (await running.ConfigMaps.GetAsync("s2-copy", running.Namespace)).Data["value"] == "v2", "the copy follows the source");
        running.Reconciler.Conflicts.Should().BeGreaterThanOrEqualTo(1);
    }

    private async Task<RunningController> StartAsync()
    {
        var api = CreateClient();
        var ns = UniqueName("ex");
        await api.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var factory = new SharedInformerFactory(api);
        var configMaps = api.For<V1ConfigMap>();
        var reconciler = new CopyReconciler(factory.GetInformer<V1ConfigMap>(ns), configMaps);
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var controller = new ControllerBuilder<V1ConfigMap>(factory, ns)
            .Owns<V1ConfigMap>()
            .WithOptions(new ControllerOptions { Name = "copier" })
            .Build(reconciler, NullLogger.Instance, registry);
        return new RunningController(factory, controller, configMaps, reconciler, ns);
    }

    private static async Task<V1ConfigMap> EventuallyGetAsync(RunningController running, string name)
    {
        V1ConfigMap? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                found = await running.ConfigMaps.GetAsync(name, running.Namespace);
                return true;
            }
            catch (KubernetesApiException e) when (e.StatusCode == 404)
            {
                return false;
            }
        }, $"{name} appears");
        return found!;
    }

    private static V1ConfigMap Source(string ns, string name, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["example"] = "source" } },
        Data = new Dictionary<string, string> { ["value"] = value },
    };

    private sealed class RunningController : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly SharedInformerFactory _factory;
        private readonly Task _run;

        public RunningController(SharedInformerFactory factory, Controller controller, IResourceClient<V1ConfigMap> configMaps, CopyReconciler reconciler, string ns)
        {
            _factory = factory;
            ConfigMaps = configMaps;
            Reconciler = reconciler;
            Namespace = ns;
            factory.Start(_stop.Token);
            _run = controller.RunAsync(_stop.Token);
        }

        public IResourceClient<V1ConfigMap> ConfigMaps { get; }

        public CopyReconciler Reconciler { get; }

        public string Namespace { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run;
            await _factory.DisposeAsync();
            _stop.Dispose();
        }
    }

    private sealed class CopyReconciler(ISharedInformer<V1ConfigMap> cache, IResourceClient<V1ConfigMap> configMaps) : IReconciler
    {
        private int _conflicts;

        public int Conflicts => Volatile.Read(ref _conflicts);

        public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            var source = cache.Indexer.GetByKey(CacheKey.Of(request.Namespace, request.Name));
            if (source is null || !(source.Metadata.Labels?.TryGetValue("example", out var role) == true && role == "source"))
            {
                return ReconcileResult.Done;
            }

            var copyName = source.Metadata.Name + "-copy";
            var existing = cache.Indexer.GetByKey(CacheKey.Of(request.Namespace, copyName));
            if (existing is null)
            {
                await configMaps.CreateAsync(new V1ConfigMap
                {
                    Metadata = new V1ObjectMeta
                    {
                        Name = copyName,
                        NamespaceProperty = request.Namespace,
                        OwnerReferences =
                        [
                            new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = source.Metadata.Name, Uid = source.Metadata.Uid, BlockOwnerDeletion = true, Controller = true },
                        ],
                    },
                    Data = new Dictionary<string, string>(source.Data ?? new Dictionary<string, string>()),
                }, cancellationToken);
                return ReconcileResult.Done;
            }

            if (Value(existing) == Value(source))
            {
                return ReconcileResult.Done;
            }

            var updated = new V1ConfigMap { Metadata = existing.Metadata, Data = new Dictionary<string, string>(source.Data ?? new Dictionary<string, string>()) };
            try
            {
                await configMaps.UpdateAsync(updated, cancellationToken);
            }
            catch (KubernetesConflictException)
            {
                Interlocked.Increment(ref _conflicts);
                throw;
            }

            return ReconcileResult.Done;
        }

        private static string? Value(V1ConfigMap map) => map.Data is { } data && data.TryGetValue("value", out var v) ? v : null;
    }
}
