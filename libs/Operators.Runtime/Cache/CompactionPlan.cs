using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>
/// Builds the <see cref="CompactNode"/> tree of a type from its JSON metadata (source-generated, so no
/// reflection and NativeAOT-safe): strings, quantities and small maps are shared, lists of conditions, owner
/// references and strings become arrays, objects are walked property by property. Parts that hold nothing to
/// share (numbers, times, booleans, unknown types) are left out of the walk, and so is a replacement that would
/// not fit the declared type (a property declared <c>List&lt;string&gt;</c> keeps its list, interned in place).
/// </summary>
internal sealed class CompactionPlan
{
    private readonly JsonSerializerOptions _options;
    private readonly Dictionary<Type, CompactNode?> _built = [];

    private CompactionPlan(JsonSerializerOptions options) => _options = options;

    /// <summary>The walk of <paramref name="type"/>, or null when there is nothing to share in it.</summary>
    public static CompactNode? For(Type type, JsonSerializerOptions options) => new CompactionPlan(options).Node(type);

    private CompactNode? Node(Type type)
    {
        if (type == typeof(string))
        {
            return StringNode.Instance;
        }

        if (type.IsValueType || type == typeof(object))
        {
            return null;
        }

        if (type == typeof(ResourceQuantity))
        {
            return QuantityNode.Instance;
        }

        if (type == typeof(V1ObjectMeta))
        {
            return MetadataNode.Instance;
        }

        if (_built.TryGetValue(type, out var known))
        {
            return known;
        }

        if (!_options.TryGetTypeInfo(type, out var info))
        {
            _built[type] = null;
            return null;
        }

        var node = info.Kind switch
        {
            JsonTypeInfoKind.Object => ObjectOf(type, info),
            JsonTypeInfoKind.Enumerable when info.ElementType is { } element => ListOf(type, element),
            JsonTypeInfoKind.Dictionary when info.KeyType == typeof(string) && info.ElementType is { } element => MapOf(type, element),
            _ => null,
        };
        _built[type] = node;
        return node;
    }

    private ObjectNode? ObjectOf(Type type, JsonTypeInfo info)
    {
        var node = new ObjectNode();
        _built[type] = node;
        var properties = new List<(JsonPropertyInfo, CompactNode)>();
        foreach (var property in info.Properties)
        {
            if (property.Get is not null && Node(property.PropertyType) is { } child)
            {
                properties.Add((property, child));
            }
        }

        node.Properties = [.. properties];
        return properties.Count == 0 ? null : node;
    }

    private CompactNode? ListOf(Type type, Type element)
    {
        if (element == typeof(string) && type.IsAssignableFrom(typeof(string[])))
        {
            return new ArrayNode<string>(StringNode.Instance);
        }

        if (element == typeof(V1Condition) && type.IsAssignableFrom(typeof(V1Condition[])))
        {
            return new ArrayNode<V1Condition>(Node(element));
        }

        if (element == typeof(V1OwnerReference) && type.IsAssignableFrom(typeof(V1OwnerReference[])))
        {
            return new ArrayNode<V1OwnerReference>(Node(element));
        }

        return Node(element) is { } node ? new ListNode(node) : null;
    }

    private CompactNode? MapOf(Type type, Type element)
    {
        if (element == typeof(string))
        {
            return type.IsAssignableFrom(typeof(CompactMap<string>)) ? StringMapNode.Instance : null;
        }

        if (element == typeof(ResourceQuantity))
        {
            return type.IsAssignableFrom(typeof(CompactMap<ResourceQuantity>)) ? QuantityMapNode.Instance : null;
        }

        return Node(element) is { } node ? new MapValuesNode(node) : null;
    }
}
