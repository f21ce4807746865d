using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// Parses an <c>openAPIV3Schema</c> into <see cref="SchemaNode"/>s, rejecting keywords of the wrong JSON type
/// and patterns Go cannot compile with an <see cref="ArgumentException"/> naming the offending path.
/// </summary>
internal static class SchemaNodeParser
{
    /// <summary>Parses <paramref name="json"/>; <paramref name="path"/> names it in error messages.</summary>
    public static SchemaNode Parse(JsonObject json, string path)
    {
        var reader = new KeywordReader(json, path);
        var (properties, names) = ParseProperties(reader);
        var additional = json["additionalProperties"];
        var additionalSchema = additional is JsonObject additionalObject
            ? Parse(additionalObject, path + ".additionalProperties")
            : null;
        var format = reader.String("format");
        var pattern = reader.String("pattern");
        return new SchemaNode
        {
            Source = json,
            Type = reader.String("type"),
            Nullable = reader.Boolean("nullable"),
            Format = format is not null && StringFormats.IsSupported(format) ? format : null,
            Properties = properties,
            PropertyNames = names,
            HasAdditionalProperties = additional is not null,
            AdditionalPropertiesAllowed = additionalSchema is not null || additional is null || reader.Boolean("additionalProperties"),
            AdditionalProperties = additionalSchema,
            Items = reader.Object("items") is { } items ? Parse(items, path + ".items") : null,
            Required = reader.Strings("required"),
            Enum = reader.Array("enum")?.ToList() ?? [],
            Default = json["default"],
            Pattern = pattern,
            PatternRegex = pattern is null ? null : CompilePattern(pattern, path),
            Maximum = reader.Number("maximum"),
            ExclusiveMaximum = reader.Boolean("exclusiveMaximum"),
            Minimum = reader.Number("minimum"),
            ExclusiveMinimum = reader.Boolean("exclusiveMinimum"),
            MultipleOf = reader.Number("multipleOf"),
            MaxLength = reader.Integer("maxLength"),
            MinLength = reader.Integer("minLength"),
            MaxItems = reader.Integer("maxItems"),
            MinItems = reader.Integer("minItems"),
            MaxProperties = reader.Integer("maxProperties"),
            MinProperties = reader.Integer("minProperties"),
            UniqueItems = reader.Boolean("uniqueItems"),
            AllOf = ParseList(reader, "allOf"),
            AnyOf = ParseList(reader, "anyOf"),
            OneOf = ParseList(reader, "oneOf"),
            Not = reader.Object("not") is { } not ? Parse(not, path + ".not") : null,
            PreserveUnknownFields = reader.Boolean("x-kubernetes-preserve-unknown-fields"),
            EmbeddedResource = reader.Boolean("x-kubernetes-embedded-resource"),
            IntOrString = reader.Boolean("x-kubernetes-int-or-string"),
            ListType = reader.String("x-kubernetes-list-type"),
            ListMapKeys = reader.Strings("x-kubernetes-list-map-keys"),
        };
    }

    private static Regex CompilePattern(string pattern, string path)
    {
        try
        {
            return GoRegex.Compile(pattern);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{path}.pattern: {e.Message}", e);
        }
    }

    private static (Dictionary<string, SchemaNode> Properties, List<string> Names) ParseProperties(KeywordReader reader)
    {
        var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var (name, value) in reader.Object("properties") ?? [])
        {
            if (value is not JsonObject property)
            {
                throw new ArgumentException($"{reader.Path}.properties[{name}] must be a schema object");
            }

            properties[name] = Parse(property, $"{reader.Path}.properties[{name}]");
            names.Add(name);
        }

        return (properties, names);
    }

    private static List<SchemaNode> ParseList(KeywordReader reader, string keyword)
    {
        var nodes = new List<SchemaNode>();
        foreach (var item in reader.Array(keyword) ?? [])
        {
            if (item is not JsonObject schema)
            {
                throw new ArgumentException($"{reader.Path}.{keyword}[{nodes.Count}] must be a schema object");
            }

            nodes.Add(Parse(schema, $"{reader.Path}.{keyword}[{nodes.Count}]"));
        }

        return nodes;
    }
}
