using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// One parsed node of a CRD's <c>openAPIV3Schema</c>: the structural part (type, properties, items,
/// additionalProperties), the value validations and the Kubernetes extensions. Immutable once parsed.
/// </summary>
internal sealed class SchemaNode
{
    /// <summary>The JSON this node was parsed from.</summary>
    public required JsonObject Source { get; init; }

    /// <summary>The <c>type</c>, or null when the schema leaves it open.</summary>
    public string? Type { get; init; }

    /// <summary>Whether <c>null</c> is an accepted value.</summary>
    public bool Nullable { get; init; }

    /// <summary>The <c>format</c> when custom resource validation checks it; unsupported formats are null.</summary>
    public string? Format { get; init; }

    /// <summary>The declared <c>properties</c>.</summary>
    public IReadOnlyDictionary<string, SchemaNode> Properties { get; init; } = new Dictionary<string, SchemaNode>();

    /// <summary>The names of <see cref="Properties"/> in the order the schema declares them.</summary>
    public IReadOnlyList<string> PropertyNames { get; init; } = [];

    /// <summary>Whether <c>additionalProperties</c> is given at all (as a schema or a boolean).</summary>
    public bool HasAdditionalProperties { get; init; }

    /// <summary><c>false</c> only for <c>additionalProperties: false</c>.</summary>
    public bool AdditionalPropertiesAllowed { get; init; } = true;

    /// <summary>The schema of <c>additionalProperties</c>, when given as a schema.</summary>
    public SchemaNode? AdditionalProperties { get; init; }

    /// <summary>The schema of array <c>items</c>.</summary>
    public SchemaNode? Items { get; init; }

    /// <summary>The <c>required</c> property names, in order.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The <c>enum</c> values; empty when there is none.</summary>
    public IReadOnlyList<JsonNode?> Enum { get; init; } = [];

    /// <summary>The <c>default</c>, or null when there is none (a <c>null</c> default counts as none).</summary>
    public JsonNode? Default { get; init; }

    /// <summary>The <c>pattern</c> as written in the schema.</summary>
    public string? Pattern { get; init; }

    /// <summary><see cref="Pattern"/> compiled with Go's regular expression semantics.</summary>
    public Regex? PatternRegex { get; init; }

    /// <summary>The <c>maximum</c>.</summary>
    public double? Maximum { get; init; }

    /// <summary>Whether <see cref="Maximum"/> is exclusive.</summary>
    public bool ExclusiveMaximum { get; init; }

    /// <summary>The <c>minimum</c>.</summary>
    public double? Minimum { get; init; }

    /// <summary>Whether <see cref="Minimum"/> is exclusive.</summary>
    public bool ExclusiveMinimum { get; init; }

    /// <summary>The <c>multipleOf</c>.</summary>
    public double? MultipleOf { get; init; }

    /// <summary>The <c>maxLength</c> in characters.</summary>
    public long? MaxLength { get; init; }

    /// <summary>The <c>minLength</c> in characters.</summary>
    public long? MinLength { get; init; }

    /// <summary>The <c>maxItems</c>.</summary>
    public long? MaxItems { get; init; }

    /// <summary>The <c>minItems</c>.</summary>
    public long? MinItems { get; init; }

    /// <summary>The <c>maxProperties</c>.</summary>
    public long? MaxProperties { get; init; }

    /// <summary>The <c>minProperties</c>.</summary>
    public long? MinProperties { get; init; }

    /// <summary>The <c>uniqueItems</c> flag.</summary>
    public bool UniqueItems { get; init; }

    /// <summary>The <c>allOf</c> value validations.</summary>
    public IReadOnlyList<SchemaNode> AllOf { get; init; } = [];

    /// <summary>The <c>anyOf</c> value validations.</summary>
    public IReadOnlyList<SchemaNode> AnyOf { get; init; } = [];

    /// <summary>The <c>oneOf</c> value validations.</summary>
    public IReadOnlyList<SchemaNode> OneOf { get; init; } = [];

    /// <summary>The <c>not</c> value validation.</summary>
    public SchemaNode? Not { get; init; }

    /// <summary><c>x-kubernetes-preserve-unknown-fields</c>.</summary>
    public bool PreserveUnknownFields { get; init; }

    /// <summary><c>x-kubernetes-embedded-resource</c>: apiVersion, kind and metadata are kept and required.</summary>
    public bool EmbeddedResource { get; init; }

    /// <summary><c>x-kubernetes-int-or-string</c>.</summary>
    public bool IntOrString { get; init; }

    /// <summary><c>x-kubernetes-list-type</c>: atomic, set or map.</summary>
    public string? ListType { get; init; }

    /// <summary><c>x-kubernetes-list-map-keys</c>.</summary>
    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    /// <summary>The accepted JSON types: <c>integer,string</c> for int-or-string, otherwise the type if any.</summary>
    public IReadOnlyList<string> Types => IntOrString ? ["integer", "string"] : Type is null ? [] : [Type];

    /// <summary>The schema of a field: its property, else the additionalProperties schema, else null.</summary>
    public SchemaNode? FieldSchema(string name) =>
        Properties.TryGetValue(name, out var property) ? property : AdditionalProperties;
}
