using System.Text.Json;
using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Tests.Client;

namespace Operators.Runtime.Tests.Cache;

public sealed class FactoryCompactionTests : ApiServerTestBase
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task AFactoryInformer_CachesCompactedObjectsEqualToTheServersUnlessTurnedOff(bool compact)
    {
        var client = CreateClient();
        var ns = UniqueName("ns");
        await client.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var configMaps = client.For<V1ConfigMap>();
        for (var i = 0; i < 3; i++)
        {
            await configMaps.CreateAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = "cm-" + i, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["part-of"] = "openstack" } },
                Data = new Dictionary<string, string> { ["zone"] = "qa-de-1a" },
            });
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var factory = new SharedInformerFactory(client, new SharedInformerOptions { CompactObjects = compact });
        var informer = factory.GetInformer<V1ConfigMap>(ns);
        factory.Start(stop.Token);
        (await factory.WaitForCacheSyncAsync(stop.Token)).Should().BeTrue();

        var cached = informer.Indexer.List().OrderBy(cm => cm.Metadata.Name, StringComparer.Ordinal).ToList();
        var live = (await configMaps.ListAsync(ns)).Items.OrderBy(cm => cm.Metadata.Name, StringComparer.Ordinal).ToList();
        cached.Select(Json).Should().Equal(live.Select(Json));
        cached[0].Metadata.Labels.IsReadOnly.Should().Be(compact);
        ReferenceEquals(cached[0].Data, cached[1].Data).Should().Be(compact, "equal maps are shared only when compacting");
        await stop.CancelAsync();
    }

    private static string Json(V1ConfigMap configMap) => JsonSerializer.Serialize(configMap, k8s.SourceGenerationContext.Default.V1ConfigMap);
}
