using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Cache;

public sealed class SharedInformerTests
{
    private StubConfigMapClient _client = null!;
    private SharedInformer<V1ConfigMap> _informer = null!;
    private IReflectorSink<V1ConfigMap> _sink = null!;
    private RecordingHandler _handler = null!;

    [SetUp]
    public void CreateInformer()
    {
        _client = new StubConfigMapClient();
        _informer = new SharedInformer<V1ConfigMap>(_client);
        _sink = _informer;
        _handler = new RecordingHandler();
        _informer.AddEventHandler(_handler);
    }

    [TearDown]
    public async Task DisposeInformerAsync() => await _informer.DisposeAsync();

    [Test]
    public async Task TheFirstList_IsDeliveredAsInitialAddsAndMarksTheInformerSynced()
    {
        _informer.HasSynced.Should().BeFalse();

        _sink.Replace([IndexerTests.ConfigMap("ns", "a"), IndexerTests.ConfigMap("ns", "b")], "10");

        _informer.HasSynced.Should().BeTrue();
        (await _informer.WaitForCacheSyncAsync(CancellationToken.None)).Should().BeTrue();
        await Eventually.HoldsAsync(() => _handler.Log.Count == 2, "both adds are delivered");
        _handler.Log.Should().BeEquivalentTo("add-initial ns/a", "add-initial ns/b");
    }

    [Test]
    public async Task WatchEvents_BecomeAddsUpdatesAndDeletesInOrder()
    {
        _sink.Replace([], "1");

        _sink.Apply(new WatchEvent<V1ConfigMap>(WatchEventType.Added, IndexerTests.ConfigMap("ns", "a", "2")));
        _sink.Apply(new WatchEvent<V1ConfigMap>(WatchEventType.Modified, IndexerTests.ConfigMap("ns", "a", "3")));
        _sink.Apply(new WatchEvent<V1ConfigMap>(WatchEventType.Deleted, IndexerTests.ConfigMap("ns", "a", "4")));

        await Eventually.HoldsAsync(() => _handler.Log.Count == 3, "three notifications are delivered");
        _handler.Log.Should().Equal("add ns/a", "update ns/a", "delete ns/a");
        _informer.Indexer.Count.Should().Be(0);
    }

    [Test]
    public async Task ARelist_EmitsTombstonesForDeletesMissedMeanwhile()
    {
        _sink.Replace([IndexerTests.ConfigMap("ns", "kept"), IndexerTests.ConfigMap("ns", "gone")], "1");

        _sink.Replace([IndexerTests.ConfigMap("ns", "kept"), IndexerTests.ConfigMap("ns", "new", "5")], "9");

        await Eventually.HoldsAsync(() => _handler.Log.Count == 4, "the relist's changes are delivered");
        _handler.Log.Skip(2).Should().BeEquivalentTo("add ns/new", "delete-tombstone ns/gone");
    }

    [Test]
    public async Task AHandlerAddedLater_FirstGetsTheCachedObjects()
    {
        _sink.Replace([IndexerTests.ConfigMap("ns", "a")], "1");
        var late = new RecordingHandler();

        using var registration = _informer.AddEventHandler(late);

        await Eventually.HoldsAsync(() => late.Log.Count == 1, "the late handler gets the cached object");
        late.Log.Should().Equal("add-initial ns/a");
    }

    [Test]
    public async Task AThrowingHandler_DoesNotStopDeliveries()
    {
        var calls = 0;
        _informer.AddEventHandler(new ResourceEventHandler<V1ConfigMap>
        {
            Added = (_, _) =>
            {
                calls++;
                throw new InvalidOperationException("boom");
            },
        });

        _sink.Replace([IndexerTests.ConfigMap("ns", "a"), IndexerTests.ConfigMap("ns", "b")], "1");

        await Eventually.HoldsAsync(() => Volatile.Read(ref calls) == 2, "the throwing handler is called for each object");
    }

    [Test]
    public async Task Resync_ReplaysTheCacheAsUpdatesFlaggedAsResyncWithoutApiCalls()
    {
        var time = new FakeTimeProvider();
        var client = new StubConfigMapClient();
        client.Items.Add(IndexerTests.ConfigMap("ns", "a"));
        await using var informer = new SharedInformer<V1ConfigMap>(client, options: new SharedInformerOptions { ResyncPeriod = TimeSpan.FromMinutes(1) }, timeProvider: time);
        var handler = new RecordingHandler();
        informer.AddEventHandler(handler);
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForCacheSyncAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(1));

        await Eventually.HoldsAsync(() => handler.Count("resync") == 2, "two resyncs are delivered");
        client.Lists.Should().Be(1);
        await stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task RunAsync_Twice_Throws()
    {
        using var stop = new CancellationTokenSource();
        var run = _informer.RunAsync(stop.Token);

        var again = () => _informer.RunAsync(stop.Token);

        await again.Should().ThrowAsync<InvalidOperationException>();
        await stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task AWatchErrorOf410_RelistsAtOnce()
    {
        _client.Items.Add(IndexerTests.ConfigMap("ns", "a"));
        using var stop = new CancellationTokenSource();
        var run = _informer.RunAsync(stop.Token);
        await _informer.WaitForCacheSyncAsync(CancellationToken.None);
        _client.Items.Clear();

        _client.Fail(new KubernetesGoneException());

        await Eventually.HoldsAsync(() => _client.Lists == 2, "the informer lists again");
        await Eventually.HoldsAsync(() => _handler.Count("delete-tombstone") == 1, "the vanished object is deleted");
        await stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task TheReflector_ListsInPagesOf500ThenWatchesWithBookmarksAndARandomTimeout()
    {
        using var stop = new CancellationTokenSource();
        var run = _informer.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => _client.LastWatchOptions is not null, "the informer watches");

        _client.LastListOptions!.Limit.Should().Be(500);
        _client.LastWatchOptions!.ResourceVersion.Should().Be("100");
        _client.LastWatchOptions.AllowWatchBookmarks.Should().BeTrue();
        _client.LastWatchOptions.TimeoutSeconds.Should().BeInRange(300, 600);
        await stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task ABookmark_AdvancesTheResourceVersionWithoutNotifyingHandlers()
    {
        using var stop = new CancellationTokenSource();
        var run = _informer.RunAsync(stop.Token);
        await _informer.WaitForCacheSyncAsync(CancellationToken.None);

        _client.Send(new WatchEvent<V1ConfigMap>(WatchEventType.Bookmark, new V1ConfigMap { Metadata = new V1ObjectMeta { ResourceVersion = "500" } }));

        await Eventually.HoldsAsync(() => _informer.LastSyncResourceVersion == "500", "the bookmark advances the resourceVersion");
        _handler.Log.Should().BeEmpty();
        await stop.CancelAsync();
        await run;
    }
}
