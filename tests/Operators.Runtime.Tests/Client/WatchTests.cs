using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Client;

public sealed class WatchTests : ApiServerTestBase
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Watch_FromAListResourceVersion_YieldsTypedEventsForLaterChanges()
    {
        var configMaps = CreateClient().For<V1ConfigMap>();
        var name = UniqueName("cm");
        var list = await configMaps.ListAsync("default");
        using var cancel = new CancellationTokenSource(Deadline);
        var events = new List<WatchEvent<V1ConfigMap>>();
        var options = new WatchOptions { ResourceVersion = list.ResourceVersion, FieldSelector = "metadata.name=" + name, TimeoutSeconds = 30 };

        var watching = Task.Run(async () =>
        {
            await foreach (var e in configMaps.WatchAsync("default", options, cancel.Token))
            {
                events.Add(e);
                if (e.Type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });
        var created = await configMaps.CreateAsync(ConfigMapClientTests.NewConfigMap(name, ("a", "1")));
        created.Data["a"] = "2";
        await configMaps.UpdateAsync(created);
        await configMaps.DeleteAsync(name, "default");
        await watching;

        events.Select(e => e.Type).Should().Equal(WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted);
        events.Should().OnlyContain(e => e.Object.Metadata.Name == name && e.Object.Kind == "ConfigMap");
        events[1].Object.Data["a"].Should().Be("2");
    }

    [Test]
    public async Task Watch_FromAResourceVersionOlderThanTheHistory_ThrowsGone()
    {
        var configMaps = CreateClient().For<V1ConfigMap>();
        var list = await configMaps.ListAsync("default");
        await configMaps.CreateAsync(ConfigMapClientTests.NewConfigMap(UniqueName("cm")));
        Server.Faults.CompactHistory();
        using var cancel = new CancellationTokenSource(Deadline);

        var watch = async () =>
        {
            await foreach (var unused in configMaps.WatchAsync("default", new WatchOptions { ResourceVersion = list.ResourceVersion }, cancel.Token))
            {
            }
        };

        (await watch.Should().ThrowAsync<KubernetesGoneException>()).Which.StatusCode.Should().Be(410);
    }

    [Test]
    public void Parse_ABookmarkLine_YieldsABookmarkWithItsResourceVersion()
    {
        var line = """{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"42"}}}"""u8;

        var parsed = WatchStream.Parse(line, k8s.SourceGenerationContext.Default.V1ConfigMap, ResourceType.For<V1ConfigMap>());

        parsed.Type.Should().Be(WatchEventType.Bookmark);
        parsed.Object.Metadata.ResourceVersion.Should().Be("42");
    }

    [Test]
    public void Parse_ALineWhoseObjectComesBeforeItsType_YieldsTheTypedEvent()
    {
        var line = """{"object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a","resourceVersion":"7"},"data":{"k":"v"}},"type":"MODIFIED"}"""u8;

        var parsed = WatchStream.Parse(line, k8s.SourceGenerationContext.Default.V1ConfigMap, ResourceType.For<V1ConfigMap>());

        parsed.Type.Should().Be(WatchEventType.Modified);
        parsed.Object.Data["k"].Should().Be("v");
    }

    [Test]
    public async Task ReadAsync_LinesSplitAcrossManySmallReads_YieldsEveryEvent()
    {
        var payload = new string('x', 300);
        var lines = string.Concat(Enumerable.Range(0, 50).Select(i =>
            $"{{\"type\":\"ADDED\",\"object\":{{\"metadata\":{{\"name\":\"cm-{i}\",\"resourceVersion\":\"{i}\"}},\"data\":{{\"payload\":\"{payload}\"}}}}}}\n"));
        using var stream = new TrickleStream(System.Text.Encoding.UTF8.GetBytes(lines), chunk: 7);
        var events = new List<WatchEvent<V1ConfigMap>>();

        await foreach (var e in WatchStream.ReadAsync(stream, k8s.SourceGenerationContext.Default.V1ConfigMap, ResourceType.For<V1ConfigMap>(), CancellationToken.None))
        {
            events.Add(e);
        }

        events.Select(e => e.Object.Metadata.Name).Should().Equal(Enumerable.Range(0, 50).Select(i => "cm-" + i));
        events.Should().OnlyContain(e => e.Type == WatchEventType.Added && e.Object.Kind == "ConfigMap" && e.Object.Data["payload"].Length == 300);
    }

    [Test]
    public void Parse_AnErrorLine_ThrowsTheStatusAsATypedException()
    {
        var line = """{"object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old","reason":"Expired","code":410},"type":"ERROR"}"""u8.ToArray();

        var parse = () => WatchStream.Parse<V1ConfigMap>(line, k8s.SourceGenerationContext.Default.V1ConfigMap, ResourceType.For<V1ConfigMap>());

        parse.Should().Throw<KubernetesGoneException>().Which.Reason.Should().Be("Expired");
    }

    /// <summary>A stream that returns at most <c>chunk</c> bytes per read, so lines span many buffer segments.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
    }
}
