using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Cache;
using Operators.Runtime.Controllers;

namespace Operators.Runtime.Tests.Controllers;

public sealed class CachedObjectReconcilerTests
{
    [Test]
    public async Task Reconcile_PassesTheCachedObject()
    {
        var cache = new CacheOnly();
        cache.Store.Upsert(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "ns", ResourceVersion = "7" } });
        var seen = new List<V1ConfigMap>();
        var adapter = new CachedObjectReconciler<V1ConfigMap>(cache, new Recording(seen));

        var result = await adapter.ReconcileAsync(new ReconcileRequest("ns", "a"), CancellationToken.None);

        result.Should().Be(ReconcileResult.After(TimeSpan.FromMinutes(1)));
        seen.Should().ContainSingle().Which.Metadata.ResourceVersion.Should().Be("7");
    }

    [Test]
    public async Task Reconcile_OfAKeyWhoseObjectIsGone_IsDoneWithoutCallingTheReconciler()
    {
        var seen = new List<V1ConfigMap>();
        var adapter = new CachedObjectReconciler<V1ConfigMap>(new CacheOnly(), new Recording(seen));

        var result = await adapter.ReconcileAsync(new ReconcileRequest("ns", "gone"), CancellationToken.None);

        result.Should().Be(ReconcileResult.Done);
        seen.Should().BeEmpty();
    }

    private sealed class Recording(List<V1ConfigMap> seen) : IObjectReconciler<V1ConfigMap>
    {
        public Task<ReconcileResult> ReconcileAsync(V1ConfigMap obj, CancellationToken cancellationToken)
        {
            seen.Add(obj);
            return Task.FromResult(ReconcileResult.After(TimeSpan.FromMinutes(1)));
        }
    }

    /// <summary>The cache side of an informer only (the seam the adapter reads through).</summary>
    private sealed class CacheOnly : ISharedInformer<V1ConfigMap>
    {
        public Indexer<V1ConfigMap> Store { get; } = new();

        public IIndexer<V1ConfigMap> Indexer => Store;

        public bool HasSynced => true;

        public IDisposable AddEventHandler(IResourceEventHandler<V1ConfigMap> handler) => throw new NotSupportedException();

        public Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public Task RunAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
