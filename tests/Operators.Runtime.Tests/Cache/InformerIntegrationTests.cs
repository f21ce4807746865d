using System.Globalization;
using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Tests.Client;

namespace Operators.Runtime.Tests.Cache;

public sealed class InformerIntegrationTests : ApiServerTestBase
{
    private static readonly SharedInformerOptions FastRetries = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
    };

    private KubeApiClient _client = null!;
    private IResourceClient<V1ConfigMap> _configMaps = null!;
    private string _namespace = null!;

    [SetUp]
    public async Task CreateNamespaceAsync()
    {
        _client = CreateClient();
        _configMaps = _client.For<V1ConfigMap>();
        _namespace = UniqueName("ns");
        await _client.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = _namespace } });
    }

    [Test]
    public async Task AnInformerOver10kObjects_SyncsAndStaysConsistentWhileObjectsChange()
    {
        await CreateManyAsync(10_000);
        Server.Requests.Reset();
        await using var running = await StartInformerAsync();
        var (informer, handler) = (running.Informer, running.Handler);

        informer.Indexer.Count.Should().Be(10_000);
        Server.Requests.Get("list", "configmaps").Should().Be(10_000 / SharedInformerOptions.DefaultPageSize);
        await Eventually.HoldsAsync(() => handler.Mirror.Count == 10_000, "the handler saw every initial add");

        await Parallel.ForAsync(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var name = Name(i);
            switch (i % 3)
            {
                case 0:
                    await _configMaps.PatchAsync(name, ResourcePatch.Merge("""{"data":{"changed":"yes"}}"""), _namespace, ct);
                    break;
                case 1:
                    await _configMaps.DeleteAsync(name, _namespace, cancellationToken: ct);
                    break;
                default:
                    await _configMaps.CreateAsync(NewConfigMap("extra-" + i), ct);
                    break;
            }
        });

        var truth = (await _configMaps.ListAsync(_namespace)).Items.ToDictionary(CacheKey.For, cm => cm.Metadata.ResourceVersion);
        await Eventually.HoldsAsync(() => Snapshot(informer).SequenceEqual(truth.OrderBy(p => p.Key, StringComparer.Ordinal)), "the cache matches the server");
        await Eventually.HoldsAsync(() => handler.Mirror.Count == truth.Count && truth.All(p => handler.Mirror.GetValueOrDefault(p.Key) == p.Value), "the handler's mirror matches the server");
        informer.Indexer.ByIndex(CacheIndexes.Namespace, _namespace).Should().HaveCount(truth.Count);
    }

    [Test]
    public async Task ADroppedWatch_ResumesFromTheLastResourceVersionWithoutRelisting()
    {
        await CreateManyAsync(3);
        Server.Requests.Reset();
        await using var running = await StartInformerAsync();
        await WatchIsLiveAsync(running.Handler);

        Server.Faults.DropWatches();
        await _configMaps.CreateAsync(NewConfigMap("after-drop"));

        await Eventually.HoldsAsync(() => running.Handler.Log.Contains($"add {_namespace}/after-drop"), "the change after the drop arrives");
        Server.Requests.Get("list", "configmaps").Should().Be(1);
        Server.Requests.Get("watch", "configmaps").Should().BeGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task AnExpiredResourceVersion_RelistsAndEmitsTheDeletesMissedMeanwhile()
    {
        await CreateManyAsync(5);
        Server.Requests.Reset();
        await using var running = await StartInformerAsync();
        var (informer, handler) = (running.Informer, running.Handler);
        await WatchIsLiveAsync(handler);

        Server.Faults.FailRatio(1.0, TimeSpan.FromHours(1), 503, verb: "watch", resource: "configmaps", retryAfterSeconds: 0);
        Server.Faults.DropWatches();
        await _configMaps.DeleteAsync(Name(0), _namespace);
        await _configMaps.DeleteAsync(Name(1), _namespace);
        await _configMaps.CreateAsync(NewConfigMap("while-away"));
        Server.Faults.CompactHistory();
        Server.Faults.Clear();

        await Eventually.HoldsAsync(() => handler.Count("delete-tombstone") == 2, "both missed deletes arrive as tombstones");
        handler.Log.Should().Contain([$"delete-tombstone {_namespace}/{Name(0)}", $"delete-tombstone {_namespace}/{Name(1)}", $"add {_namespace}/while-away"]);
        Server.Requests.Get("list", "configmaps").Should().Be(2);
        informer.Indexer.Count.Should().Be(5);
    }

    [Test]
    public async Task TheFactory_SharesOneInformerPerTypeAndNamespace()
    {
        await CreateManyAsync(2);
        await using var factory = new SharedInformerFactory(_client, FastRetries);

        var first = factory.GetInformer<V1ConfigMap>(_namespace);
        var second = factory.GetInformer<V1ConfigMap>(_namespace);
        var everywhere = factory.GetInformer<V1ConfigMap>();
        factory.Start(CancellationToken.None);
        var late = factory.GetInformer<V1Namespace>();

        second.Should().BeSameAs(first);
        everywhere.Should().NotBeSameAs(first);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        (await factory.WaitForCacheSyncAsync(deadline.Token)).Should().BeTrue();
        first.Indexer.Count.Should().Be(2);
        late.Indexer.GetByKey(_namespace).Should().NotBeNull();
    }

    [Test]
    public async Task DisposingTheFactory_WhileAnInformerBacksOff_EndsQuietly()
    {
        Server.Faults.FailNext(100, 403, "list", "configmaps");
        var factory = new SharedInformerFactory(_client, new SharedInformerOptions
        {
            InitialBackoff = TimeSpan.FromMinutes(1),
            MaxBackoff = TimeSpan.FromMinutes(1),
        });
        factory.GetInformer<V1ConfigMap>(_namespace);
        factory.Start(CancellationToken.None);
        await Eventually.HoldsAsync(() => Server.Requests.Get("list", "configmaps") >= 1, "the informer's list failed and it backs off");

        var dispose = async () => await factory.DisposeAsync();

        await dispose.Should().NotThrowAsync();
    }

    private static string Name(int i) => "cm-" + i.ToString("D5", CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<string, string>> Snapshot(SharedInformer<V1ConfigMap> informer) =>
        informer.Indexer.List().Select(cm => KeyValuePair.Create(CacheKey.For(cm), cm.Metadata.ResourceVersion)).OrderBy(p => p.Key, StringComparer.Ordinal);

    private async Task<RunningInformer> StartInformerAsync()
    {
        var running = new RunningInformer(new SharedInformer<V1ConfigMap>(_configMaps, _namespace, FastRetries, logger: new ProgressLogger()));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (await running.Informer.WaitForCacheSyncAsync(deadline.Token)).Should().BeTrue("the informer syncs within 30 s");
        return running;
    }

    /// <summary>Proves the informer's watch is registered on the server: a change made now reaches the handler.</summary>
    private async Task WatchIsLiveAsync(RecordingHandler handler)
    {
        var probe = "probe-" + Guid.NewGuid().ToString("N")[..8];
        await _configMaps.CreateAsync(NewConfigMap(probe));
        await Eventually.HoldsAsync(() => handler.Log.Contains($"add {_namespace}/{probe}"), "the watch delivers changes");
    }

    private Task CreateManyAsync(int count) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) => await _configMaps.CreateAsync(NewConfigMap(Name(i)), ct));

    private V1ConfigMap NewConfigMap(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = _namespace },
        Data = new Dictionary<string, string> { ["key"] = name },
    };
}
