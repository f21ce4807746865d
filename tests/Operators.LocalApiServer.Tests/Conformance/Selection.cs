using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// What a path selected: nothing (absent), one value (still attached to the document it came
/// from, so normalization can see where it sits), or a list of selections (from <c>[*]</c>).
/// </summary>
internal sealed class Selection
{
    /// <summary>The string that stands for a missing value.</summary>
    public const string AbsentText = "<absent>";

    private readonly IReadOnlyList<Selection>? _items;

    private Selection(bool isAbsent, JsonNode? node, IReadOnlyList<Selection>? items)
    {
        IsAbsent = isAbsent;
        Node = node;
        _items = items;
    }

    /// <summary>Nothing was found.</summary>
    public static Selection Absent { get; } = new(true, null, null);

    /// <summary>True when nothing was found.</summary>
    public bool IsAbsent { get; }

    /// <summary>True when the selection is a list made by <c>[*]</c>.</summary>
    public bool IsMany => _items is not null;

    /// <summary>The selected value (null for JSON null) when this is a single selection.</summary>
    public JsonNode? Node { get; }

    /// <summary>The selections of each element when <see cref="IsMany"/>; empty otherwise.</summary>
    public IReadOnlyList<Selection> Items => _items ?? [];

    /// <summary>A single selected value.</summary>
    public static Selection Of(JsonNode? node) => new(false, node, null);

    /// <summary>The selections of every list element.</summary>
    public static Selection Many(IReadOnlyList<Selection> items) => new(false, null, items);

    /// <summary>The selection as a detached JSON value; absent values become <c>"&lt;absent&gt;"</c>.</summary>
    public JsonNode? ToJson()
    {
        if (IsAbsent)
        {
            return JsonValue.Create(AbsentText);
        }

        return _items is null ? Node?.DeepClone() : new JsonArray(_items.Select(item => item.ToJson()).ToArray());
    }

    /// <summary>Every single value selected, flattening lists made by <c>[*]</c>.</summary>
    public IEnumerable<JsonNode?> Values()
    {
        if (IsAbsent)
        {
            return [];
        }

        return _items is null ? [Node] : _items.SelectMany(item => item.Values());
    }
}
