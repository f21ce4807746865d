using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// CRD validation of <c>x-kubernetes-list-type</c>, <c>x-kubernetes-list-map-keys</c> and
/// <c>x-kubernetes-map-type</c> on one schema node: lists only on arrays, map lists keyed by scalar item
/// properties, map types only on objects, and only the known values.
/// </summary>
internal static class CustomResourceDefinitionListTypeChecks
{
    private static readonly string[] ListTypes = ["atomic", "set", "map"];
    private static readonly string[] MapTypes = ["atomic", "granular"];

    /// <summary>Checks the list and map extensions of <paramref name="schema"/> (of JSON type <paramref name="type"/>).</summary>
    public static void Check(JsonObject schema, string type, string path, List<StatusCause> causes)
    {
        var mapKeys = schema["x-kubernetes-list-map-keys"] as JsonArray ?? [];
        var listType = schema["x-kubernetes-list-type"] is { } listTypeNode ? Text(listTypeNode) : null;
        if (listType is not null)
        {
            CheckListType(schema, type, listType, mapKeys, path, causes);
        }

        if (mapKeys.Count > 0 && listType != "map")
        {
            const string detail = "must be map if x-kubernetes-list-map-keys is non-empty";
            causes.Add(listType is null
                ? FieldCauses.Required(path + ".x-kubernetes-list-type", detail)
                : FieldCauses.Invalid(path + ".x-kubernetes-list-type", listType, detail));
        }

        if (schema["x-kubernetes-map-type"] is { } mapTypeNode)
        {
            const string detail = "must be object if x-kubernetes-map-type is specified";
            if (type != "object")
            {
                causes.Add(type.Length == 0
                    ? FieldCauses.Required(path + ".type", detail)
                    : FieldCauses.Invalid(path + ".type", type, detail));
            }

            if (!MapTypes.Contains(Text(mapTypeNode)))
            {
                causes.Add(FieldCauses.NotSupported(path + ".x-kubernetes-map-type", Text(mapTypeNode), MapTypes));
            }
        }
    }

    private static void CheckListType(JsonObject schema, string type, string listType, JsonArray mapKeys, string path, List<StatusCause> causes)
    {
        if (type != "array")
        {
            const string detail = "must be array if x-kubernetes-list-type is specified";
            causes.Add(type.Length == 0
                ? FieldCauses.Required(path + ".type", detail)
                : FieldCauses.Invalid(path + ".type", type, detail));
        }

        if (!ListTypes.Contains(listType))
        {
            causes.Add(FieldCauses.NotSupported(path + ".x-kubernetes-list-type", listType, ListTypes));
        }

        if (listType == "map")
        {
            CheckMapList(schema, mapKeys, path, causes);
        }
    }

    private static void CheckMapList(JsonObject schema, JsonArray mapKeys, string path, List<StatusCause> causes)
    {
        if (mapKeys.Count == 0)
        {
            causes.Add(FieldCauses.Required(path + ".x-kubernetes-list-map-keys", "must not be empty if x-kubernetes-list-type is map"));
        }

        if (schema["items"] is not JsonObject items)
        {
            causes.Add(FieldCauses.Required(path + ".items", "must have a schema if x-kubernetes-list-type is map"));
            return;
        }

        var itemType = Text(items["type"]);
        if (itemType != "object")
        {
            causes.Add(FieldCauses.Invalid(path + ".items.type", itemType, "must be object if parent array's x-kubernetes-list-type is map"));
            return;
        }

        var properties = items["properties"] as JsonObject ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in mapKeys.Select(Text))
        {
            if (properties[key] is JsonObject keySchema)
            {
                if (Text(keySchema["type"]) is "array" or "object")
                {
                    causes.Add(FieldCauses.Invalid(FieldPath.Key(path + ".items.properties", key) + ".type", itemType,
                        "must be a scalar type if parent array's x-kubernetes-list-type is map"));
                }
            }
            else
            {
                causes.Add(FieldCauses.Invalid(path + ".x-kubernetes-list-map-keys", mapKeys, "entries must all be names of item properties"));
            }

            if (!seen.Add(key))
            {
                causes.Add(FieldCauses.Invalid(path + ".x-kubernetes-list-map-keys", mapKeys, "must not contain duplicate entries"));
            }
        }
    }

    private static string Text(JsonNode? node) => GoJson.KindOf(node) == GoJsonKind.String ? GoJson.GetString(node!) : "";
}
