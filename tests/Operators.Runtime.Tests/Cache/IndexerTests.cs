using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Cache;

namespace Operators.Runtime.Tests.Cache;

public sealed class IndexerTests
{
    [Test]
    public void Upsert_KeysNamespacedObjectsByNamespaceAndName()
    {
        var indexer = new Indexer<V1ConfigMap>();

        indexer.Upsert(ConfigMap("ns1", "a"));
        indexer.Upsert(ConfigMap(null, "b"));

        indexer.ListKeys().Should().BeEquivalentTo("ns1/a", "b");
        indexer.GetByKey("ns1/a")!.Metadata.Name.Should().Be("a");
        indexer.GetByKey("missing").Should().BeNull();
    }

    [Test]
    public void Upsert_ReturnsThePreviousObject()
    {
        var indexer = new Indexer<V1ConfigMap>();
        var first = ConfigMap("ns", "a", resourceVersion: "1");

        indexer.Upsert(first).Previous.Should().BeNull();
        var (current, previous) = indexer.Upsert(ConfigMap("ns", "a", resourceVersion: "2"));

        previous.Should().BeSameAs(first);
        current.Metadata.ResourceVersion.Should().Be("2");
        indexer.Count.Should().Be(1);
    }

    [Test]
    public void ByIndex_Namespace_FindsTheObjectsOfANamespace()
    {
        var indexer = new Indexer<V1ConfigMap>();
        indexer.Upsert(ConfigMap("ns1", "a"));
        indexer.Upsert(ConfigMap("ns1", "b"));
        indexer.Upsert(ConfigMap("ns2", "c"));

        indexer.ByIndex(CacheIndexes.Namespace, "ns1").Select(cm => cm.Metadata.Name).Should().BeEquivalentTo("a", "b");
        indexer.ByIndex(CacheIndexes.Namespace, "ns3").Should().BeEmpty();
    }

    [Test]
    public void ByIndex_ControllerUid_FindsOnlyObjectsWhoseControllerIsThatOwner()
    {
        var indexer = new Indexer<V1ConfigMap>();
        indexer.Upsert(ConfigMap("ns", "controlled", owners: [Owner("uid-1", controller: true)]));
        indexer.Upsert(ConfigMap("ns", "merely-owned", owners: [Owner("uid-1", controller: false)]));
        indexer.Upsert(ConfigMap("ns", "other", owners: [Owner("uid-2", controller: true)]));

        indexer.ByIndex(CacheIndexes.ControllerUid, "uid-1").Select(cm => cm.Metadata.Name).Should().Equal("controlled");
    }

    [Test]
    public void Upsert_OfAChangedObject_MovesItBetweenIndexValues()
    {
        var indexer = new Indexer<V1ConfigMap>();
        indexer.AddIndex("color", cm => cm.Data is { } d && d.TryGetValue("color", out var c) ? [c] : []);
        indexer.Upsert(ConfigMap("ns", "a", data: new() { ["color"] = "red" }));

        indexer.Upsert(ConfigMap("ns", "a", data: new() { ["color"] = "blue" }));

        indexer.ByIndex("color", "red").Should().BeEmpty();
        indexer.ByIndex("color", "blue").Should().ContainSingle();
    }

    [Test]
    public void AddIndex_AfterObjectsAreCached_IndexesThemAtOnce()
    {
        var indexer = new Indexer<V1ConfigMap>();
        indexer.Upsert(ConfigMap("ns", "a", data: new() { ["color"] = "red" }));

        indexer.AddIndex("color", cm => cm.Data is { } d && d.TryGetValue("color", out var c) ? [c] : []);

        indexer.ByIndex("color", "red").Should().ContainSingle();
    }

    [Test]
    public void AddIndex_WithATakenName_Throws()
    {
        var indexer = new Indexer<V1ConfigMap>();

        var add = () => indexer.AddIndex(CacheIndexes.Namespace, _ => []);

        add.Should().Throw<ArgumentException>();
    }

    [Test]
    public void ByIndex_OfAnUnknownIndex_Throws()
    {
        var indexer = new Indexer<V1ConfigMap>();

        var query = () => indexer.ByIndex("nope", "x");

        query.Should().Throw<ArgumentException>().WithMessage("*nope*");
    }

    [Test]
    public void Remove_DropsTheObjectFromEveryIndex()
    {
        var indexer = new Indexer<V1ConfigMap>();
        indexer.Upsert(ConfigMap("ns", "a", owners: [Owner("uid-1", controller: true)]));

        indexer.Remove("ns/a")!.Metadata.Name.Should().Be("a");

        indexer.Count.Should().Be(0);
        indexer.ByIndex(CacheIndexes.Namespace, "ns").Should().BeEmpty();
        indexer.ByIndex(CacheIndexes.ControllerUid, "uid-1").Should().BeEmpty();
        indexer.Remove("ns/a").Should().BeNull();
    }

    [Test]
    public void Upsert_OfAnObjectWhoseControllerChanged_MovesItInTheControllerIndexAndKeepsItsKey()
    {
        var indexer = new Indexer<V1ConfigMap>();
        indexer.Upsert(ConfigMap("ns", "a", owners: [Owner("uid-1", controller: true)]));
        var key = indexer.ListKeys().Single();

        indexer.Upsert(ConfigMap("ns", "a", resourceVersion: "2", owners: [Owner("uid-2", controller: true)]));
        indexer.Upsert(ConfigMap("ns", "a", resourceVersion: "3", owners: [Owner("uid-2", controller: true)]));

        indexer.ByIndex(CacheIndexes.ControllerUid, "uid-1").Should().BeEmpty();
        indexer.ByIndex(CacheIndexes.ControllerUid, "uid-2").Should().ContainSingle().Which.Metadata.ResourceVersion.Should().Be("3");
        indexer.ByIndex(CacheIndexes.Namespace, "ns").Should().ContainSingle();
        indexer.ListKeys().Single().Should().BeSameAs(key, "an update reuses the cached key string");
    }

    [Test]
    public void Upsert_OfAClusterScopedObject_KeysItByName()
    {
        var indexer = new Indexer<V1ConfigMap>();

        indexer.Upsert(ConfigMap(null, "a"));
        indexer.Upsert(ConfigMap(null, "a", resourceVersion: "2"));

        indexer.ListKeys().Should().Equal("a");
        indexer.GetByKey("a")!.Metadata.ResourceVersion.Should().Be("2");
        indexer.ByIndex(CacheIndexes.Namespace, "").Should().BeEmpty();
    }

    [Test]
    public void Upsert_ByDefault_DropsManagedFields()
    {
        var indexer = new Indexer<V1ConfigMap>();
        var cm = ConfigMap("ns", "a");
        cm.Metadata.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl" }];

        indexer.Upsert(cm);

        indexer.GetByKey("ns/a")!.Metadata.ManagedFields.Should().BeNull();
    }

    [Test]
    public void Upsert_WithACustomTransform_CachesTheTransformedObject()
    {
        var indexer = new Indexer<V1ConfigMap>(cm => new V1ConfigMap { Metadata = cm.Metadata, Data = null });

        var (current, _) = indexer.Upsert(ConfigMap("ns", "a", data: new() { ["big"] = "payload" }));

        current.Data.Should().BeNull();
        indexer.GetByKey("ns/a")!.Data.Should().BeNull();
    }

    [Test]
    public void Replace_ReportsAddedChangedAndVanishedObjects()
    {
        var indexer = new Indexer<V1ConfigMap>();
        indexer.Upsert(ConfigMap("ns", "same", resourceVersion: "1"));
        indexer.Upsert(ConfigMap("ns", "changed", resourceVersion: "1"));
        indexer.Upsert(ConfigMap("ns", "vanished", resourceVersion: "1", owners: [Owner("uid-9", controller: true)]));

        var result = indexer.Replace([
            ConfigMap("ns", "same", resourceVersion: "1"),
            ConfigMap("ns", "changed", resourceVersion: "2"),
            ConfigMap("ns", "new", resourceVersion: "3"),
        ]);

        result.Added.Select(cm => cm.Metadata.Name).Should().Equal("new");
        result.Updated.Select(u => (u.Old.Metadata.ResourceVersion, u.New.Metadata.ResourceVersion)).Should().Equal(("1", "2"));
        result.Deleted.Select(cm => cm.Metadata.Name).Should().Equal("vanished");
        indexer.ListKeys().Should().BeEquivalentTo("ns/same", "ns/changed", "ns/new");
        indexer.ByIndex(CacheIndexes.ControllerUid, "uid-9").Should().BeEmpty();
    }

    [Test]
    public async Task ConcurrentWritersAndReaders_KeepIndexesConsistent()
    {
        var indexer = new Indexer<V1ConfigMap>();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var name = $"cm-{i % 100}";
                if (i % 3 == 0)
                {
                    indexer.Remove("ns" + w + "/" + name);
                }
                else
                {
                    indexer.Upsert(ConfigMap("ns" + w, name, resourceVersion: i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }));
        var reader = Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                _ = indexer.ByIndex(CacheIndexes.Namespace, "ns1").Count + indexer.List().Count;
            }
        });

        await Task.WhenAll([.. writers, reader]);

        for (var w = 0; w < 4; w++)
        {
            var byIndex = indexer.ByIndex(CacheIndexes.Namespace, "ns" + w).Select(CacheKey.For);
            var byKey = indexer.ListKeys().Where(key => key.StartsWith("ns" + w + "/", StringComparison.Ordinal));
            byIndex.Should().BeEquivalentTo(byKey);
        }
    }

    [TestCase("ns/name", "ns", "name")]
    [TestCase("name", null, "name")]
    public void CacheKey_SplitsKeys(string key, string? ns, string name) =>
        CacheKey.Split(key).Should().Be((ns, name));

    internal static V1ConfigMap ConfigMap(
        string? ns, string name, string resourceVersion = "1", IList<V1OwnerReference>? owners = null, Dictionary<string, string>? data = null) => new()
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, ResourceVersion = resourceVersion, OwnerReferences = owners, Uid = "uid-" + name },
            Data = data,
        };

    private static V1OwnerReference Owner(string uid, bool controller) =>
        new() { ApiVersion = "v1", Kind = "Thing", Name = "owner-" + uid, Uid = uid, Controller = controller };
}
