using FluentAssertions;
using k8s;
using k8s.Models;
using Operators.LocalApiServer;
using Operators.Runtime.Events;
using Operators.Runtime.Tests.LeaderElection;
using Prometheus;
using Server = Operators.LocalApiServer.LocalApiServer;

namespace Operators.Runtime.Tests.Events;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EventRecorderIntegrationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Event_RepeatedAgainstTheApiServer_AggregatesIntoOneEventWithASeriesCount()
    {
        await using var server = await Server.StartAsync(new LocalApiServerOptions());
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
        var map = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "agent" } }, "default");
        await using var recorder = NewRecorder(client);

        foreach (var i in Enumerable.Range(0, 6))
        {
            recorder.Event(map, EventType.Warning, "InvalidSpec", "spec.hosts[0].name is empty");
            if (i == 0)
            {
                await Eventually.Until(() => server.Requests.Get("create", "events") == 1, Wait, "the first event is created");
            }
        }

        recorder.Event(map, EventType.Normal, "Synced", "0/1 agents ready");
        var events = await EventuallyListAsync(client, list => list.Count == 2 && list.Any(e => e.Series?.Count == 6));
        var series = events.Single(e => e.Reason == "InvalidSpec");
        series.Note.Should().Be("spec.hosts[0].name is empty");
        series.Type.Should().Be("Warning");
        series.Action.Should().Be(EventRecorderOptions.DefaultAction);
        series.ReportingController.Should().Be("openstack.operators.dev/test");
        series.ReportingInstance.Should().Be("test-" + Environment.MachineName);
        series.Regarding.Should().BeEquivalentTo(new V1ObjectReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "agent", NamespaceProperty = "default", Uid = map.Metadata.Uid });
        series.EventTime.Should().NotBeNull();
        series.Series.LastObservedTime.Should().BeOnOrAfter(series.EventTime!.Value);
        events.Single(e => e.Reason == "Synced").Series.Should().BeNull();
        server.Requests.Get("create", "events").Should().Be(2);
    }

    [Test]
    public async Task Event_WithALongMessage_IsAcceptedCutToOneKilobyte()
    {
        await using var server = await Server.StartAsync(new LocalApiServerOptions());
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
        await using var recorder = NewRecorder(client);

        recorder.Event(new V1ObjectReference { Kind = "Namespace", ApiVersion = "v1", Name = "ops" }, EventType.Normal, "Long", new string('x', 5000));

        var events = await EventuallyListAsync(client, list => list.Count == 1);
        events.Single().Note.Should().HaveLength(1024);
        events.Single().Metadata.NamespaceProperty.Should().Be("default", "events about cluster-scoped objects go to the default namespace");
    }

    private static EventRecorder NewRecorder(Kubernetes client) =>
        new(client, new EventRecorderOptions { ReportingController = "openstack.operators.dev/test" }, registry: Metrics.NewCustomRegistry());

    private static async Task<IList<Eventsv1Event>> EventuallyListAsync(Kubernetes client, Func<IList<Eventsv1Event>, bool> condition)
    {
        IList<Eventsv1Event> items = [];
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            items = (await client.EventsV1.ListNamespacedEventAsync("default")).Items;
            if (condition(items))
            {
                return items;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Timed out waiting for the events; last saw {items.Count}.");
        return items;
    }
}
