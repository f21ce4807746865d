using FluentAssertions;
using k8s;
using k8s.Models;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class WatchTests : ServerFixture
{
    protected override LocalApiServerOptions Options() => new() { BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    [Test]
    public async Task Watch_FromResourceVersion_DeliversLaterChangesInOrder()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);
        await using var watch = new WatchRecorder((onError, ct) => Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, resourceVersion: created.Metadata.ResourceVersion, onError: onError, cancellationToken: ct));

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"v\":\"2\"}}", V1Patch.PatchType.MergePatch), "a", Ns);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("b", "1"), Ns);
        await Client.CoreV1.DeleteNamespacedConfigMapAsync("a", Ns);

        (await EventuallyAsync(() => Task.FromResult(watch.NonBookmarks.Count >= 3))).Should().BeTrue();
        watch.NonBookmarks.Select(e => (e.Type, e.Object.Metadata.Name)).Should().Equal(
            (WatchEventType.Modified, "a"), (WatchEventType.Added, "b"), (WatchEventType.Deleted, "a"));
    }

    [Test]
    public async Task Watch_WithoutResourceVersion_StartsWithSyntheticAddedEvents()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("b", "1"), Ns);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);

        await using var watch = new WatchRecorder((onError, ct) => Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, onError: onError, cancellationToken: ct));

        (await EventuallyAsync(() => Task.FromResult(watch.NonBookmarks.Count >= 2))).Should().BeTrue();
        watch.NonBookmarks.Select(e => (e.Type, e.Object.Metadata.Name)).Should().Equal((WatchEventType.Added, "a"), (WatchEventType.Added, "b"));
    }

    [Test]
    public async Task Watch_WithBookmarks_ReceivesBookmarksCarryingProgress()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);
        await using var watch = new WatchRecorder((onError, ct) => Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, resourceVersion: created.Metadata.ResourceVersion, allowWatchBookmarks: true, onError: onError, cancellationToken: ct));

        (await EventuallyAsync(() => Task.FromResult(watch.Events.Any(e => e.Type == WatchEventType.Bookmark)))).Should().BeTrue();
        var bookmark = watch.Events.First(e => e.Type == WatchEventType.Bookmark).Object;
        long.Parse(bookmark.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeGreaterThanOrEqualTo(long.Parse(created.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task Watch_WithTimeoutSeconds_IsClosedByTheServer()
    {
        await using var watch = new WatchRecorder((onError, ct) => Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, timeoutSeconds: 1, onError: onError, cancellationToken: ct));

        (await EventuallyAsync(() => Task.FromResult(watch.Closed), TimeSpan.FromSeconds(10))).Should().BeTrue();
    }

    [Test]
    public async Task Watch_FromResourceVersionBeforeCompaction_GetsExpiredError()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("b", "1"), Ns);
        Server.Faults.CompactHistory();

        await using var watch = new WatchRecorder((onError, ct) => Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, resourceVersion: created.Metadata.ResourceVersion, onError: onError, cancellationToken: ct));

        (await EventuallyAsync(() => Task.FromResult(!watch.Errors.IsEmpty && watch.Closed))).Should().BeTrue();
        watch.Errors.Should().ContainSingle().Which.Message.Should().Contain("too old resource version");
    }

    [Test]
    public async Task Watch_WithLabelSelector_SeesObjectsLeaveAsDeletedAndEnterAsAdded()
    {
        var labels = new Dictionary<string, string> { ["role"] = "agent" };
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("x", "1", labels), Ns);
        await using var watch = new WatchRecorder((onError, ct) => Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, labelSelector: "role=agent", resourceVersion: created.Metadata.ResourceVersion, onError: onError, cancellationToken: ct));

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"labels\":{\"role\":\"other\"}}}", V1Patch.PatchType.MergePatch), "x", Ns);
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"v\":\"2\"}}", V1Patch.PatchType.MergePatch), "x", Ns);
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"labels\":{\"role\":\"agent\"}}}", V1Patch.PatchType.MergePatch), "x", Ns);

        (await EventuallyAsync(() => Task.FromResult(watch.NonBookmarks.Count >= 2))).Should().BeTrue();
        var events = watch.NonBookmarks;
        events.Select(e => e.Type).Should().Equal(WatchEventType.Deleted, WatchEventType.Added);
        events[0].Object.Metadata.Labels["role"].Should().Be("agent", "a DELETED for leaving the selection carries the old object");
        events[1].Object.Data["v"].Should().Be("2");
    }

    [Test]
    public async Task DropWatches_ClosesOpenWatches()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);
        await using var watch = new WatchRecorder((onError, ct) => Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, onError: onError, cancellationToken: ct));
        (await EventuallyAsync(() => Task.FromResult(watch.NonBookmarks.Count == 1))).Should().BeTrue();

        Server.Faults.DropWatches();

        (await EventuallyAsync(() => Task.FromResult(watch.Closed))).Should().BeTrue();
    }
}
