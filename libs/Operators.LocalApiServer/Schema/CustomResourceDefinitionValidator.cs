using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// The essential checks kube-apiserver runs on a <c>CustomResourceDefinition</c> being created (after
/// <see cref="CustomResourceDefinitionDefaulter"/>), with its fields and messages: the name, group, scope,
/// versions (one storage version, unique DNS-1035 names, a schema each), names and structural schemas.
/// </summary>
/// <remarks>
/// Like kube-apiserver, which converts a v1 CRD to its internal form first, schemas and printer columns that
/// are identical in every version are reported at <c>spec.validation.openAPIV3Schema</c> and
/// <c>spec.additionalPrinterColumns</c>, and the first version's name is also checked as <c>spec.version</c>.
/// </remarks>
internal static class CustomResourceDefinitionValidator
{
    private static readonly string[] Scopes = ["Cluster", "Namespaced"];
    private static readonly string[] ColumnTypes = ["boolean", "date", "integer", "number", "string"];
    private static readonly string[] ConversionStrategies = ["None", "Webhook"];

    /// <summary>Validates <paramref name="crd"/>, returning the causes of a 422 Invalid (empty when valid).</summary>
    public static IReadOnlyList<StatusCause> Validate(JsonObject crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var versions = (spec["versions"] as JsonArray ?? []).Select(v => v as JsonObject ?? []).ToList();
        var causes = new List<StatusCause>();
        ValidateName(crd, spec, names, causes);
        ValidateGroupAndScope(spec, causes);
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i]["schema"]?["openAPIV3Schema"] is not JsonObject)
            {
                causes.Add(FieldCauses.Required(FieldPath.Index("spec.versions", i) + ".schema.openAPIV3Schema", "schemas are required"));
            }
        }

        var sharedSchema = Shared(versions, v => v["schema"]?["openAPIV3Schema"] as JsonObject);
        var sharedColumns = Shared(versions, v => v["additionalPrinterColumns"] is JsonArray { Count: > 0 } columns ? columns : null);
        for (var i = 0; i < versions.Count; i++)
        {
            ValidateVersion(versions[i], FieldPath.Index("spec.versions", i), sharedSchema is null, sharedColumns is null, causes);
        }

        ValidateVersionSet(spec, versions, causes);
        ValidateNames(names, causes);
        if (sharedSchema is not null)
        {
            CustomResourceDefinitionSchemaChecks.Check(sharedSchema, "spec.validation.openAPIV3Schema", causes);
        }

        ValidateColumns(sharedColumns, "spec.additionalPrinterColumns", causes);
        ValidateConversion(spec, causes);
        ValidateStoredVersions(versions, causes);
        if (spec["preserveUnknownFields"] is { } preserve && GoJson.KindOf(preserve) == GoJsonKind.Bool && GoJson.GetBool(preserve))
        {
            causes.Add(FieldCauses.Invalid("spec.preserveUnknownFields", true,
                "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"));
        }

        return causes;
    }

    private static void ValidateName(JsonObject crd, JsonObject spec, JsonObject names, List<StatusCause> causes)
    {
        var name = Text(crd["metadata"]?["name"]);
        if (name.Length == 0)
        {
            causes.Add(FieldCauses.Required("metadata.name", "name or generateName is required"));
            return;
        }

        foreach (var message in DnsNames.Dns1123SubdomainErrors(name))
        {
            causes.Add(FieldCauses.Invalid("metadata.name", name, message));
        }

        if (name != Text(names["plural"]) + "." + Text(spec["group"]))
        {
            causes.Add(FieldCauses.Invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
        }
    }

    private static void ValidateGroupAndScope(JsonObject spec, List<StatusCause> causes)
    {
        var group = Text(spec["group"]);
        if (group.Length == 0)
        {
            causes.Add(FieldCauses.Required("spec.group"));
        }
        else if (DnsNames.Dns1123SubdomainErrors(group) is { Count: > 0 } errors)
        {
            causes.Add(FieldCauses.Invalid("spec.group", group, string.Join(",", errors)));
        }
        else if (!group.Contains('.', StringComparison.Ordinal))
        {
            causes.Add(FieldCauses.Invalid("spec.group", group, "should be a domain with at least one dot"));
        }

        ValidateEnum(spec["scope"], "spec.scope", Scopes, causes);
    }

    private static void ValidateVersion(JsonObject version, string path, bool ownSchema, bool ownColumns, List<StatusCause> causes)
    {
        var name = Text(version["name"]);
        if (DnsNames.Dns1035LabelErrors(name) is { Count: > 0 } errors)
        {
            causes.Add(FieldCauses.Invalid(path + ".name", name, string.Join(",", errors)));
        }

        if (ownSchema && version["schema"]?["openAPIV3Schema"] is JsonObject schema)
        {
            CustomResourceDefinitionSchemaChecks.Check(schema, path + ".schema.openAPIV3Schema", causes);
        }

        ValidateColumns(ownColumns ? version["additionalPrinterColumns"] as JsonArray : null, path + ".additionalPrinterColumns", causes);
    }

    private static void ValidateVersionSet(JsonObject spec, List<JsonObject> versions, List<StatusCause> causes)
    {
        var versionNames = versions.Select(v => Text(v["name"])).ToList();
        if (versionNames.Distinct(StringComparer.Ordinal).Count() != versionNames.Count)
        {
            causes.Add(FieldCauses.Invalid("spec.versions", spec["versions"], "must contain unique version names"));
        }

        if (versions.Count(IsStorage) != 1)
        {
            causes.Add(FieldCauses.Invalid("spec.versions", spec["versions"], "must have exactly one version marked as storage version"));
        }

        if (versionNames.Count > 0 && DnsNames.Dns1035LabelErrors(versionNames[0]) is { Count: > 0 } errors)
        {
            causes.Add(FieldCauses.Invalid("spec.version", versionNames[0], string.Join(",", errors)));
        }
    }

    private static void ValidateNames(JsonObject names, List<StatusCause> causes)
    {
        foreach (var required in new[] { "plural", "singular", "kind", "listKind" })
        {
            if (Text(names[required]).Length == 0)
            {
                causes.Add(FieldCauses.Required("spec.names." + required));
            }
        }

        foreach (var (field, mixedCase) in new[] { ("plural", false), ("singular", false), ("kind", true), ("listKind", true) })
        {
            var value = Text(names[field]);
            if (value.Length > 0 && DnsNames.Dns1035LabelErrors(mixedCase ? value.ToLowerInvariant() : value) is { Count: > 0 } errors)
            {
                var detail = string.Join(",", errors);
                causes.Add(FieldCauses.Invalid("spec.names." + field, value, mixedCase ? "may have mixed case, but should otherwise match: " + detail : detail));
            }
        }

        ValidateLabels(names["shortNames"] as JsonArray, "spec.names.shortNames", causes);
        if (Text(names["kind"]).Length > 0 && Text(names["kind"]) == Text(names["listKind"]))
        {
            causes.Add(FieldCauses.Invalid("spec.names.listKind", Text(names["listKind"]), "kind and listKind may not be the same"));
        }

        ValidateLabels(names["categories"] as JsonArray, "spec.names.categories", causes);
    }

    private static void ValidateLabels(JsonArray? labels, string path, List<StatusCause> causes)
    {
        for (var i = 0; i < (labels?.Count ?? 0); i++)
        {
            var label = Text(labels![i]);
            if (DnsNames.Dns1035LabelErrors(label) is { Count: > 0 } errors)
            {
                causes.Add(FieldCauses.Invalid(FieldPath.Index(path, i), label, string.Join(",", errors)));
            }
        }
    }

    private static void ValidateColumns(JsonArray? columns, string path, List<StatusCause> causes)
    {
        for (var i = 0; i < (columns?.Count ?? 0); i++)
        {
            var column = columns![i] as JsonObject ?? [];
            var columnPath = FieldPath.Index(path, i);
            if (Text(column["name"]).Length == 0)
            {
                causes.Add(FieldCauses.Required(columnPath + ".name"));
            }

            var type = Text(column["type"]);
            if (type.Length == 0)
            {
                causes.Add(FieldCauses.Required(columnPath + ".type", "must be one of " + string.Join(",", ColumnTypes)));
            }
            else if (!ColumnTypes.Contains(type))
            {
                causes.Add(FieldCauses.Invalid(columnPath + ".type", type, "must be one of " + string.Join(",", ColumnTypes)));
            }

            var jsonPath = Text(column["jsonPath"]);
            if (jsonPath.Length == 0)
            {
                causes.Add(FieldCauses.Required(columnPath + ".jsonPath"));
            }
            else if (!jsonPath.StartsWith('.'))
            {
                causes.Add(FieldCauses.Invalid(columnPath + ".jsonPath", jsonPath, "must be a simple json path starting with ."));
            }
        }
    }

    private static void ValidateConversion(JsonObject spec, List<StatusCause> causes)
    {
        if (spec["conversion"] is JsonObject conversion)
        {
            ValidateEnum(conversion["strategy"], "spec.conversion.strategy", ConversionStrategies, causes);
        }
    }

    /// <summary>The status the server sets on create names the first storage version; every other must be in it.</summary>
    private static void ValidateStoredVersions(List<JsonObject> versions, List<StatusCause> causes)
    {
        var storage = versions.Where(IsStorage).Select(v => Text(v["name"])).ToList();
        if (storage.Count == 0)
        {
            causes.Add(FieldCauses.Invalid("status.storedVersions", null, "must have at least one stored version"));
            return;
        }

        foreach (var other in storage.Skip(1).Where(name => name != storage[0]))
        {
            causes.Add(FieldCauses.Invalid("status.storedVersions", new JsonArray(storage[0]), "must have the storage version " + other));
        }
    }

    private static void ValidateEnum(JsonNode? value, string path, string[] accepted, List<StatusCause> causes)
    {
        var text = Text(value);
        if (text.Length == 0)
        {
            causes.Add(FieldCauses.Required(path));
        }
        else if (!accepted.Contains(text))
        {
            causes.Add(FieldCauses.NotSupported(path, text, accepted));
        }
    }

    /// <summary>The value every version has, when all have one and they are equal; otherwise null.</summary>
    private static T? Shared<T>(List<JsonObject> versions, Func<JsonObject, T?> select)
        where T : JsonNode
    {
        var values = versions.Select(select).ToList();
        return values.Count > 0 && values.All(v => v is not null && JsonNode.DeepEquals(v, values[0])) ? values[0] : null;
    }

    private static bool IsStorage(JsonObject version) =>
        version["storage"] is { } storage && GoJson.KindOf(storage) == GoJsonKind.Bool && GoJson.GetBool(storage);

    private static string Text(JsonNode? node) => GoJson.KindOf(node) == GoJsonKind.String ? GoJson.GetString(node!) : "";
}
