using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// apiextensions' checks of objects marked <c>x-kubernetes-embedded-resource</c> below the root: they need a
/// string <c>apiVersion</c> (a valid group/version) and a <c>kind</c> that is a DNS-1035 label in any case.
/// </summary>
internal static class EmbeddedResourceValidator
{
    /// <summary>Validates the embedded resources inside <paramref name="obj"/> (not the object itself).</summary>
    public static List<StatusCause> Validate(SchemaNode schema, JsonObject obj)
    {
        var causes = new List<StatusCause>();
        ValidateChildren(schema, obj, "", causes);
        return causes;
    }

    private static void ValidateValue(SchemaNode? schema, JsonNode? value, string path, List<StatusCause> causes)
    {
        switch (value)
        {
            case JsonObject obj when schema is not null:
                if (schema.EmbeddedResource)
                {
                    ValidateResource(obj, path, causes);
                }

                ValidateChildren(schema, obj, path, causes);
                break;
            case JsonArray array when schema is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    ValidateValue(schema.Items, array[i], FieldPath.Index(path, i), causes);
                }

                break;
        }
    }

    private static void ValidateChildren(SchemaNode schema, JsonObject obj, string path, List<StatusCause> causes)
    {
        foreach (var (key, value) in obj)
        {
            if (schema.Properties.TryGetValue(key, out var property))
            {
                ValidateValue(property, value, FieldPath.Child(path, key), causes);
            }
            else if (schema.HasAdditionalProperties)
            {
                ValidateValue(schema.AdditionalProperties, value, FieldPath.Key(path, key), causes);
            }
        }
    }

    private static void ValidateResource(JsonObject obj, string path, List<StatusCause> causes)
    {
        var apiVersionPath = FieldPath.Child(path, "apiVersion");
        var kindPath = FieldPath.Child(path, "kind");
        if (!obj.TryGetPropertyValue("apiVersion", out var apiVersion))
        {
            causes.Add(FieldCauses.Required(apiVersionPath));
        }
        else if (GoJson.KindOf(apiVersion) != GoJsonKind.String)
        {
            causes.Add(FieldCauses.Invalid(apiVersionPath, apiVersion, "must be a string"));
        }
        else if (GoJson.GetString(apiVersion!) is var version && version.Length == 0)
        {
            causes.Add(FieldCauses.Invalid(apiVersionPath, version, "must not be empty"));
        }
        else if (version.Count(c => c == '/') > 1)
        {
            causes.Add(FieldCauses.Invalid(apiVersionPath, version, "unexpected GroupVersion string: " + version));
        }

        if (!obj.TryGetPropertyValue("kind", out var kind))
        {
            causes.Add(FieldCauses.Required(kindPath));
        }
        else if (GoJson.KindOf(kind) != GoJsonKind.String)
        {
            causes.Add(FieldCauses.Invalid(kindPath, kind, "must be a string"));
        }
        else if (GoJson.GetString(kind!) is var kindName && kindName.Length == 0)
        {
            causes.Add(FieldCauses.Invalid(kindPath, kindName, "must not be empty"));
        }
        else if (DnsNames.Dns1035LabelErrors(kindName.ToLowerInvariant()) is { Count: > 0 } errors)
        {
            causes.Add(FieldCauses.Invalid(kindPath, kindName, "may have mixed case, but should otherwise match: " + string.Join(",", errors)));
        }
    }
}
