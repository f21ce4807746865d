using System.Text.Json;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// kube-apiserver's validation of <c>metadata</c>: name and generateName by the kind's rule,
/// namespace, labels, annotations, owner references and finalizers.
/// </summary>
internal static class ObjectMetaRules
{
    /// <summary>The limit on the summed length of all annotation keys and values (256 KiB).</summary>
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    private static readonly string[] StandardFinalizers = ["kubernetes", "orphan", "foregroundDeletion"];

    /// <summary>
    /// Validates metadata on create (and again on update). With <paramref name="standardFinalizers"/>
    /// a finalizer without a '/' must be one of Kubernetes' own, as for core and apps kinds.
    /// </summary>
    public static void Validate(
        JsonObject obj, bool namespaced, NameValidator nameRule, bool standardFinalizers, List<StatusCause> causes)
    {
        var meta = obj.GetObject("metadata");
        var generateName = meta.GetStringOrEmpty("generateName");
        if (generateName.Length > 0)
        {
            causes.AddRange(FieldCauses.InvalidEach("metadata.generateName", generateName, nameRule(generateName, true)));
        }

        var name = meta.GetStringOrEmpty("name");
        if (name.Length == 0)
        {
            causes.Add(FieldCauses.Required("metadata.name", "name or generateName is required"));
        }
        else
        {
            causes.AddRange(FieldCauses.InvalidEach("metadata.name", name, nameRule(name, false)));
        }

        if (namespaced)
        {
            var ns = meta.GetStringOrEmpty("namespace");
            if (ns.Length == 0)
            {
                causes.Add(FieldCauses.Required("metadata.namespace"));
            }
            else
            {
                causes.AddRange(FieldCauses.InvalidEach("metadata.namespace", ns, NameRules.DnsLabel(ns, false)));
            }
        }

        if (meta.GetInteger("generation") is < 0 and var generation)
        {
            causes.Add(FieldCauses.Invalid("metadata.generation", generation, "must be greater than or equal to 0"));
        }

        ValidateLabels(meta.GetObject("labels"), "metadata.labels", causes);
        ValidateAnnotations(meta.GetObject("annotations"), "metadata.annotations", causes);
        ValidateOwnerReferences(meta.GetArray("ownerReferences"), causes);
        ValidateFinalizers(meta.GetArray("finalizers"), standardFinalizers, causes);
    }

    /// <summary>What only an update checks: no finalizer may be added once deletion started.</summary>
    public static void ValidateUpdate(JsonObject obj, JsonObject old, List<StatusCause> causes)
    {
        var oldMeta = old.GetObject("metadata");
        if (oldMeta?["deletionTimestamp"] is null)
        {
            return;
        }

        var oldFinalizers = Strings(oldMeta.GetArray("finalizers")).ToHashSet(StringComparer.Ordinal);
        var added = Strings(obj.GetObject("metadata").GetArray("finalizers"))
            .Where(finalizer => !oldFinalizers.Contains(finalizer))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (added.Count > 0)
        {
            causes.Add(FieldCauses.Forbidden("metadata.finalizers",
                "no new finalizers can be added if the object is being deleted, found new finalizers " +
                GoLiteral.StringSlice(added)));
        }
    }

    /// <summary>Label keys must be qualified names and values valid label values.</summary>
    public static void ValidateLabels(JsonObject? labels, string field, List<StatusCause> causes)
    {
        if (labels is null)
        {
            return;
        }

        foreach (var (key, value) in labels)
        {
            causes.AddRange(FieldCauses.InvalidEach(field, key, ContentRules.QualifiedName(key)));
            var text = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
            causes.AddRange(FieldCauses.InvalidEach(field, text, ContentRules.LabelValue(text)));
        }
    }

    /// <summary>Annotation keys must be qualified names (any case); all of them at most 256 KiB.</summary>
    public static void ValidateAnnotations(JsonObject? annotations, string field, List<StatusCause> causes)
    {
        if (annotations is null)
        {
            return;
        }

        long totalSize = 0;
        foreach (var (key, value) in annotations)
        {
            causes.AddRange(FieldCauses.InvalidEach(field, key, ContentRules.QualifiedName(key.ToLowerInvariant())));
            totalSize += key.Length + (value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Length : 0);
        }

        if (totalSize > TotalAnnotationSizeLimit)
        {
            causes.Add(FieldCauses.TooLongInTotal(field, TotalAnnotationSizeLimit));
        }
    }

    private static void ValidateOwnerReferences(JsonArray? references, List<StatusCause> causes)
    {
        const string field = "metadata.ownerReferences";
        string? firstController = null;
        foreach (var reference in (references ?? []).OfType<JsonObject>())
        {
            var apiVersion = reference.GetStringOrEmpty("apiVersion");
            var kind = reference.GetStringOrEmpty("kind");
            var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
            var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
            if (version.Length == 0)
            {
                causes.Add(FieldCauses.Invalid(field + ".apiVersion", apiVersion, "version must not be empty"));
            }

            if (kind.Length == 0)
            {
                causes.Add(FieldCauses.Invalid(field + ".kind", kind, "must not be empty"));
            }

            foreach (var key in new[] { "name", "uid" })
            {
                if (reference.GetStringOrEmpty(key).Length == 0)
                {
                    causes.Add(FieldCauses.Invalid(field + "." + key, "", "must not be empty"));
                }
            }

            if (apiVersion == "v1" && kind == "Event")
            {
                causes.Add(FieldCauses.InvalidRendered(field, reference.ToJsonString(), "/v1, Kind=Event is disallowed from being an owner"));
            }

            if (reference.IsTrue("controller"))
            {
                var current = kind + "/" + reference.GetStringOrEmpty("name");
                if (firstController is null)
                {
                    firstController = current;
                }
                else
                {
                    causes.Add(FieldCauses.InvalidRendered(field, references!.ToJsonString(),
                        $"Only one reference can have Controller set to true. Found \"true\" in references for {firstController} and {current}"));
                }
            }
        }
    }

    private static void ValidateFinalizers(JsonArray? finalizers, bool standardFinalizers, List<StatusCause> causes)
    {
        var names = Strings(finalizers).ToList();
        foreach (var finalizer in names)
        {
            causes.AddRange(FieldCauses.InvalidEach("metadata.finalizers", finalizer, ContentRules.QualifiedName(finalizer)));
        }

        if (names.Contains("orphan") && names.Contains("foregroundDeletion"))
        {
            causes.Add(FieldCauses.InvalidRendered("metadata.finalizers", GoLiteral.StringSlice(names),
                "finalizer orphan and foregroundDeletion cannot be both set"));
        }

        if (!standardFinalizers)
        {
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            ValidateKubeFinalizerName(names[i], $"metadata.finalizers[{i}]", causes);
        }
    }

    /// <summary>A finalizer without a '/' must be one of Kubernetes' own (<c>kubernetes</c>, <c>orphan</c>, <c>foregroundDeletion</c>).</summary>
    public static void ValidateKubeFinalizerName(string finalizer, string field, List<StatusCause> causes)
    {
        if (!finalizer.Contains('/', StringComparison.Ordinal) && !StandardFinalizers.Contains(finalizer))
        {
            causes.Add(FieldCauses.Invalid(field, finalizer, "name is neither a standard finalizer name nor is it fully qualified"));
        }
    }

    /// <summary>The string items of an array; other items are skipped.</summary>
    public static IEnumerable<string> Strings(JsonArray? array) =>
        (array ?? []).OfType<JsonValue>()
            .Where(value => value.GetValueKind() == JsonValueKind.String)
            .Select(value => value.GetValue<string>());
}
