using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Storage;

/// <summary>
/// One object as stored: its serialized JSON (immutable, so readers never copy it) and the
/// metadata the server filters and indexes by.
/// </summary>
internal sealed class StoredObject
{
    private StoredObject(byte[] json, JsonObject parsed, long resourceVersion)
    {
        Json = json;
        ResourceVersion = resourceVersion;
        var metadata = parsed["metadata"] as JsonObject ?? [];
        Namespace = (string?)metadata["namespace"] ?? "";
        Name = (string?)metadata["name"] ?? "";
        Uid = (string?)metadata["uid"] ?? "";
        Labels = ReadStringMap(metadata["labels"]);
        Finalizers = metadata["finalizers"] is JsonArray f ? f.Select(x => (string?)x ?? "").ToArray() : [];
        IsTerminating = metadata["deletionTimestamp"] is not null;
        OwnerUids = metadata["ownerReferences"] is JsonArray refs
            ? refs.Select(r => (string?)r?["uid"] ?? "").Where(u => u.Length > 0).ToArray()
            : [];
    }

    /// <summary>The object's JSON, UTF-8 encoded.</summary>
    public byte[] Json { get; }

    /// <summary>The resourceVersion written into the JSON.</summary>
    public long ResourceVersion { get; }

    /// <summary><c>metadata.namespace</c>, empty for cluster-scoped objects.</summary>
    public string Namespace { get; }

    /// <summary><c>metadata.name</c>.</summary>
    public string Name { get; }

    /// <summary><c>metadata.uid</c>.</summary>
    public string Uid { get; }

    /// <summary><c>metadata.labels</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary><c>metadata.finalizers</c>.</summary>
    public IReadOnlyList<string> Finalizers { get; }

    /// <summary>True once <c>metadata.deletionTimestamp</c> is set.</summary>
    public bool IsTerminating { get; }

    /// <summary>The uids of <c>metadata.ownerReferences</c>.</summary>
    public IReadOnlyList<string> OwnerUids { get; }

    /// <summary>The storage key: <c>namespace/name</c>.</summary>
    public string Key => StoreKey(Namespace, Name);

    /// <summary>A fresh, mutable copy of the object.</summary>
    public JsonObject ToNode() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>Stores <paramref name="obj"/> at <paramref name="resourceVersion"/> (written into its metadata).</summary>
    public static StoredObject From(JsonObject obj, long resourceVersion)
    {
        var metadata = obj["metadata"] as JsonObject;
        if (metadata is null)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        metadata["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = JsonSerializer.SerializeToUtf8Bytes(obj, JsonContext.Default.JsonObject);
        return new StoredObject(json, obj, resourceVersion);
    }

    /// <summary>The same object at another resourceVersion (what a DELETED event carries).</summary>
    public StoredObject WithResourceVersion(long resourceVersion) => From(ToNode(), resourceVersion);

    /// <summary>The key of an object in its resource's map.</summary>
    public static string StoreKey(string ns, string name) => ns + "/" + name;

    private static Dictionary<string, string> ReadStringMap(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                map[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            }
        }

        return map;
    }
}
