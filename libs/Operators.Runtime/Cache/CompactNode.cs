using System.Collections;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>
/// One step of <see cref="ObjectCompactor{T}"/>'s walk over a decoded object, built once per type from its
/// source-generated JSON metadata (no reflection): returns the value to keep, either the value itself
/// (compacted in place) or a shared or smaller replacement.
/// </summary>
internal abstract class CompactNode
{
    public abstract object Compact(object value, InternPool pool);
}

/// <summary>Strings: the pool's instance.</summary>
internal sealed class StringNode : CompactNode
{
    public static readonly StringNode Instance = new();

    public override object Compact(object value, InternPool pool) => pool.Intern((string)value)!;
}

/// <summary>Resource quantities (immutable): the pool's instance.</summary>
internal sealed class QuantityNode : CompactNode
{
    public static readonly QuantityNode Instance = new();

    public override object Compact(object value, InternPool pool) => pool.Share((ResourceQuantity)value)!;
}

/// <summary>String maps (labels, annotations, selectors): a shared read-only map.</summary>
internal sealed class StringMapNode : CompactNode
{
    public static readonly StringMapNode Instance = new();

    public override object Compact(object value, InternPool pool) =>
        value is IDictionary<string, string> map ? pool.Share(map)! : value;
}

/// <summary>Quantity maps (resource requests and limits): a shared read-only map.</summary>
internal sealed class QuantityMapNode : CompactNode
{
    public static readonly QuantityMapNode Instance = new();

    public override object Compact(object value, InternPool pool) =>
        value is IDictionary<string, ResourceQuantity> map ? pool.Share(map)! : value;
}

/// <summary>Objects: compacts each property that can hold something to share, in place.</summary>
internal sealed class ObjectNode : CompactNode
{
    public (JsonPropertyInfo Property, CompactNode Node)[] Properties { get; set; } = [];

    public override object Compact(object value, InternPool pool)
    {
        foreach (var (property, node) in Properties)
        {
            if (property.Get!(value) is not { } current)
            {
                continue;
            }

            var compacted = node.Compact(current, pool);
            if (!ReferenceEquals(compacted, current))
            {
                property.Set?.Invoke(value, compacted);
            }
        }

        return value;
    }
}

/// <summary>Lists of a known element type: compacts the elements and trims the list to an array.</summary>
/// <typeparam name="TElement">The element type.</typeparam>
internal sealed class ArrayNode<TElement>(CompactNode? element) : CompactNode
    where TElement : class
{
    public override object Compact(object value, InternPool pool)
    {
        if (value is not IList<TElement> list)
        {
            return value;
        }

        var array = list as TElement[] ?? [.. list];
        if (element is not null)
        {
            for (var i = 0; i < array.Length; i++)
            {
                if (array[i] is { } item)
                {
                    array[i] = (TElement)element.Compact(item, pool);
                }
            }
        }

        return array;
    }
}

/// <summary>Other lists: compacts the elements in place.</summary>
internal sealed class ListNode(CompactNode element) : CompactNode
{
    public override object Compact(object value, InternPool pool)
    {
        if (value is not IList list || list.IsReadOnly)
        {
            return value;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } item)
            {
                continue;
            }

            var compacted = element.Compact(item, pool);
            if (!ReferenceEquals(compacted, item))
            {
                list[i] = compacted;
            }
        }

        return value;
    }
}

/// <summary>Maps of objects: compacts the values in place.</summary>
internal sealed class MapValuesNode(CompactNode element) : CompactNode
{
    public override object Compact(object value, InternPool pool)
    {
        if (value is IDictionary map)
        {
            foreach (var item in map.Values)
            {
                if (item is not null)
                {
                    element.Compact(item, pool);
                }
            }
        }

        return value;
    }
}
