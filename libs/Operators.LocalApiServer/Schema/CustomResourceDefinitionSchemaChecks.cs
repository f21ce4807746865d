using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// The schema checks of CRD validation: the structural-schema invariants (every field typed, arrays with
/// items, an object root, <c>metadata</c> restricted to name and generateName, no types inside
/// allOf/anyOf/oneOf/not), reported sorted as kube-apiserver sorts them, followed by the OpenAPI checks
/// (known types, no uniqueItems, properties or additionalProperties, list-type and map-type rules, patterns).
/// </summary>
internal static class CustomResourceDefinitionSchemaChecks
{
    private static readonly string[] OpenApiTypes = ["array", "boolean", "integer", "number", "object", "string"];
    private static readonly HashSet<string> RootMetadataKeys = new(StringComparer.Ordinal) { "type", "default", "properties" };

    private enum Level
    {
        Root,
        Item,
        Field,
    }

    /// <summary>Checks the <c>openAPIV3Schema</c> <paramref name="schema"/> found at <paramref name="path"/>.</summary>
    public static void Check(JsonObject schema, string path, List<StatusCause> causes)
    {
        var structural = new List<StatusCause>();
        CheckStructural(schema, Level.Root, path, structural);
        causes.AddRange(structural.OrderBy(c => c.ToString(), StringComparer.Ordinal));
        CheckOpenApi(schema, path, causes);
    }

    private static void CheckStructural(JsonObject schema, Level level, string path, List<StatusCause> causes)
    {
        var type = Text(schema["type"]);
        var embedded = Flag(schema, "x-kubernetes-embedded-resource");
        var intOrString = Flag(schema, "x-kubernetes-int-or-string");
        var preserve = Flag(schema, "x-kubernetes-preserve-unknown-fields");
        if (type == "array" && schema["items"] is null)
        {
            causes.Add(FieldCauses.Required(path + ".items", "must be specified"));
        }

        if (schema["items"] is JsonObject items)
        {
            CheckStructural(items, Level.Item, path + ".items", causes);
        }

        foreach (var (name, property) in Properties(schema))
        {
            CheckStructural(property, Level.Field, FieldPath.Key(path + ".properties", name), causes);
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            CheckStructural(additional, Level.Field, path + ".additionalProperties", causes);
        }

        if (level == Level.Root && schema["additionalProperties"] is not null)
        {
            causes.Add(FieldCauses.Forbidden(path + ".additionalProperties", "must not be used at the root"));
        }

        if (intOrString && preserve)
        {
            causes.Add(FieldCauses.Invalid(path + ".x-kubernetes-preserve-unknown-fields", true, "must be false if x-kubernetes-int-or-string is true"));
        }

        if (intOrString && embedded)
        {
            causes.Add(FieldCauses.Invalid(path + ".x-kubernetes-embedded-resource", true, "must be false if x-kubernetes-int-or-string is true"));
        }

        foreach (var (keyword, nested) in ValueValidations(schema))
        {
            if (!(intOrString && IsIntOrStringTypeList(keyword, nested)))
            {
                CheckNested(nested, path + keyword, causes);
            }
        }

        CheckType(type, level, embedded, intOrString, preserve, path, causes);
        if (level == Level.Root || embedded)
        {
            CheckResourceFields(schema, level, path, causes);
        }

        if (embedded && !preserve && Properties(schema).Count == 0)
        {
            causes.Add(FieldCauses.Required(path + ".properties", "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }

        if (schema["pattern"] is { } pattern && Text(pattern) is var text && !IsValidPattern(text))
        {
            causes.Add(FieldCauses.Invalid(path + ".pattern", text, "must be a valid regular expression"));
        }
    }

    private static void CheckType(string type, Level level, bool embedded, bool intOrString, bool preserve, string path, List<StatusCause> causes)
    {
        if (embedded && type != "object")
        {
            const string detail = "must be object if x-kubernetes-embedded-resource is true";
            causes.Add(type.Length == 0 ? FieldCauses.Required(path + ".type", detail) : FieldCauses.Invalid(path + ".type", type, detail));
        }
        else if (type.Length == 0 && !intOrString && !preserve)
        {
            causes.Add(FieldCauses.Required(path + ".type", level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            }));
        }

        if (level == Level.Root && type.Length > 0 && type != "object")
        {
            causes.Add(FieldCauses.Invalid(path + ".type", type, "must be object at the root"));
        }
    }

    private static void CheckResourceFields(JsonObject schema, Level level, string path, List<StatusCause> causes)
    {
        var properties = Properties(schema);
        foreach (var (name, expected) in new[] { ("kind", "string"), ("apiVersion", "string"), ("metadata", "object") })
        {
            if (properties.TryGetValue(name, out var property) && Text(property["type"]) != expected)
            {
                causes.Add(FieldCauses.Invalid(FieldPath.Key(path + ".properties", name) + ".type", Text(property["type"]), "must be " + expected));
            }
        }

        if (level == Level.Root && properties.TryGetValue("metadata", out var metadata) &&
            (metadata.Any(p => !RootMetadataKeys.Contains(p.Key)) ||
             Properties(metadata).Keys.Any(key => key is not ("name" or "generateName"))))
        {
            causes.Add(FieldCauses.Forbidden(FieldPath.Key(path + ".properties", "metadata"),
                "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }

    /// <summary>A value validation under allOf/anyOf/oneOf/not may not declare structure of its own.</summary>
    private static void CheckNested(JsonObject nested, string path, List<StatusCause> causes)
    {
        foreach (var (keyword, message) in new[]
                 {
                     ("type", "must be empty to be structural"), ("additionalProperties", "must be undefined to be structural"),
                     ("default", "must be undefined to be structural"), ("nullable", "must be false to be structural"),
                     ("x-kubernetes-preserve-unknown-fields", "must be false to be structural"),
                     ("x-kubernetes-embedded-resource", "must be false to be structural"),
                     ("x-kubernetes-int-or-string", "must be false to be structural"),
                     ("x-kubernetes-list-type", "must be undefined to be structural"),
                 })
        {
            if (nested[keyword] is { } value && !(GoJson.KindOf(value) == GoJsonKind.Bool && !GoJson.GetBool(value)))
            {
                causes.Add(FieldCauses.Forbidden(path + "." + keyword, message));
            }
        }

        if (Properties(nested).ContainsKey("metadata"))
        {
            causes.Add(FieldCauses.Forbidden(FieldPath.Key(path + ".properties", "metadata"), "must not be specified in a nested context"));
        }

        foreach (var (keyword, deeper) in ValueValidations(nested))
        {
            CheckNested(deeper, path + keyword, causes);
        }

        if (nested["items"] is JsonObject items)
        {
            CheckNested(items, path + ".items", causes);
        }

        foreach (var (name, property) in Properties(nested))
        {
            CheckNested(property, FieldPath.Key(path + ".properties", name), causes);
        }
    }

    private static void CheckOpenApi(JsonObject schema, string path, List<StatusCause> causes)
    {
        var type = Text(schema["type"]);
        if (type.Length > 0 && !OpenApiTypes.Contains(type))
        {
            causes.Add(FieldCauses.NotSupported(path + ".type", type, OpenApiTypes));
        }

        if (schema["uniqueItems"] is { } unique && GoJson.KindOf(unique) == GoJsonKind.Bool && GoJson.GetBool(unique))
        {
            causes.Add(FieldCauses.Forbidden(path + ".uniqueItems", "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }

        if (schema["additionalProperties"] is { } additional && Properties(schema).Count > 0 &&
            (additional is JsonObject || GoJson.KindOf(additional) == GoJsonKind.Bool && !GoJson.GetBool(additional)))
        {
            causes.Add(FieldCauses.Forbidden(path + ".additionalProperties", "additionalProperties and properties are mutual exclusive"));
        }

        if (schema["items"] is JsonArray)
        {
            causes.Add(FieldCauses.Forbidden(path + ".items", "items must be a schema object and not an array"));
        }

        CustomResourceDefinitionListTypeChecks.Check(schema, type, path, causes);
        foreach (var (child, childPath) in Children(schema, path))
        {
            CheckOpenApi(child, childPath, causes);
        }
    }

    private static IEnumerable<(JsonObject Schema, string Path)> Children(JsonObject schema, string path)
    {
        if (schema["additionalProperties"] is JsonObject additional)
        {
            yield return (additional, path + ".additionalProperties");
        }

        foreach (var (name, property) in Properties(schema))
        {
            yield return (property, FieldPath.Key(path + ".properties", name));
        }

        foreach (var (keyword, nested) in ValueValidations(schema))
        {
            yield return (nested, path + keyword);
        }

        if (schema["items"] is JsonObject items)
        {
            yield return (items, path + ".items");
        }
    }

    /// <summary>
    /// Whether a value validation of an <c>x-kubernetes-int-or-string</c> schema is the
    /// <c>anyOf: [{type: integer}, {type: string}]</c> (or <c>allOf[0].anyOf</c> of that) that
    /// controller-gen writes: kube-apiserver lets those two types through its structural check.
    /// </summary>
    private static bool IsIntOrStringTypeList(string keyword, JsonObject nested)
    {
        if (keyword is ".anyOf[0]" or ".anyOf[1]")
        {
            return nested.Count == 1 && Text(nested["type"]) is "integer" or "string";
        }

        return keyword == ".allOf[0]" && nested.Count == 1 && nested["anyOf"] is JsonArray { Count: 2 } pair
            && pair.All(e => e is JsonObject { Count: 1 } o && Text(o["type"]) is "integer" or "string");
    }

    /// <summary>The allOf/anyOf/oneOf entries and not, with their path suffixes (<c>.anyOf[0]</c>).</summary>
    private static IEnumerable<(string Suffix, JsonObject Schema)> ValueValidations(JsonObject schema)
    {
        foreach (var keyword in new[] { "anyOf", "allOf", "oneOf" })
        {
            var list = schema[keyword] as JsonArray ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonObject entry)
                {
                    yield return (FieldPath.Index("." + keyword, i), entry);
                }
            }
        }

        if (schema["not"] is JsonObject not)
        {
            yield return (".not", not);
        }
    }

    private static Dictionary<string, JsonObject> Properties(JsonObject schema) =>
        (schema["properties"] as JsonObject ?? [])
            .Where(p => p.Value is JsonObject)
            .ToDictionary(p => p.Key, p => (JsonObject)p.Value!, StringComparer.Ordinal);

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            GoRegex.Compile(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool Flag(JsonObject schema, string keyword) =>
        schema[keyword] is { } value && GoJson.KindOf(value) == GoJsonKind.Bool && GoJson.GetBool(value);

    private static string Text(JsonNode? node) => GoJson.KindOf(node) == GoJsonKind.String ? GoJson.GetString(node!) : "";
}
