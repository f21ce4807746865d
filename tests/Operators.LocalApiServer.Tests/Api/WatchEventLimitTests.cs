using FluentAssertions;
using k8s;

namespace Operators.LocalApiServer.Tests.Api;

/// <summary>The fault that ends every watch after N events (<c>POST /_local/drop-watches?everyEvents=N</c>).</summary>
public sealed class WatchEventLimitTests : ServerFixture
{
    [SetUp]
    public void ResetControls() => Server.Faults.Clear();

    [Test]
    public async Task DropWatchesEvery_EndsAWatchRightAfterItsNthEvent_AndCountsTheDrop()
    {
        Server.Faults.DropWatchesEvery(3);
        var before = Server.Faults.WatchesDropped;
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(Ns);
        await using var watch = new WatchRecorder((onError, ct) =>
            Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct));

        for (var i = 0; i < 3; i++)
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("m" + i, "1"), Ns);
        }

        (await EventuallyAsync(() => Task.FromResult(watch.Closed))).Should().BeTrue("the watch ends after its third event");
        Server.Faults.WatchesDropped.Should().Be(before + 1);
    }

    [Test]
    public async Task DropWatchesEvery_LetsAClientResumeFromItsLastVersion_WithoutLosingAChange()
    {
        Server.Faults.DropWatchesEvery(2);
        var version = (await Client.CoreV1.ListNamespacedConfigMapAsync(Ns)).Metadata.ResourceVersion;
        for (var i = 0; i < 5; i++)
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("r" + i, "1"), Ns);
        }

        var names = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            await using var watch = new WatchRecorder((onError, ct) =>
                Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, resourceVersion: version, onError: onError, cancellationToken: ct));
            (await EventuallyAsync(() => Task.FromResult(watch.Closed || watch.NonBookmarks.Count == 5 - names.Count))).Should().BeTrue();
            var got = watch.NonBookmarks;
            names.AddRange(got.Select(e => e.Object.Metadata.Name));
            version = got[^1].Object.Metadata.ResourceVersion;
            got.Count.Should().BeLessThanOrEqualTo(2, "no watch gets more than the limit");
        }

        names.Should().Equal("r0", "r1", "r2", "r3", "r4");
    }

    [Test]
    public async Task AdminEndpoint_SetsAndClearsTheLimit_AndReportsDroppedWatches()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };

        (await http.PostAsync("_local/drop-watches?everyEvents=50", null)).EnsureSuccessStatusCode();
        (await http.GetStringAsync("_local/counters")).Should().Contain("\"watchesDropped\":");
        (await http.DeleteAsync("_local/faults")).EnsureSuccessStatusCode();

        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(Ns);
        await using var watch = new WatchRecorder((onError, ct) =>
            Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct));
        (await http.PostAsync("_local/drop-watches?everyEvents=1", null)).EnsureSuccessStatusCode();
        (await http.PostAsync("_local/drop-watches?everyEvents=0", null)).EnsureSuccessStatusCode();
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("kept", "1"), Ns);

        (await EventuallyAsync(() => Task.FromResult(watch.NonBookmarks.Count == 1))).Should().BeTrue();
        watch.Closed.Should().BeFalse("everyEvents=0 turned the limit off");
    }
}
