using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// core/v1 Namespace: the <c>kubernetes.io/metadata.name</c> label, <c>spec.finalizers: [kubernetes]</c>,
/// <c>status.phase: Active</c>; the name is a DNS-1123 label.
/// </summary>
internal sealed class NamespaceBehavior : IResourceBehavior
{
    /// <summary>The label kube-apiserver sets to every namespace's name.</summary>
    public const string NameLabel = "kubernetes.io/metadata.name";

    private static readonly DecodeErrors Decode = new("Namespace", "v1");

    /// <inheritdoc />
    public bool TracksGeneration => false;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj)
    {
        Decode.RequireMetadataTypes(obj);
        var name = obj.GetObject("metadata").GetStringOrEmpty("name");
        if (name.Length > 0)
        {
            obj.GetOrAddObject("metadata").GetOrAddObject("labels")[NameLabel] = name;
        }

        obj.GetOrAddObject("spec").DefaultValue("finalizers", new JsonArray("kubernetes"));
        obj.GetOrAddObject("status").DefaultString("phase", "Active");
    }

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        ObjectMetaRules.Validate(obj, namespaced: false, NameRules.DnsLabel, standardFinalizers: true, causes);
        if (old is not null)
        {
            ObjectMetaRules.ValidateUpdate(obj, old, causes);
        }

        foreach (var finalizer in ObjectMetaRules.Strings(obj.GetObject("spec").GetArray("finalizers")))
        {
            causes.AddRange(FieldCauses.InvalidEach("spec.finalizers", finalizer, ContentRules.QualifiedName(finalizer)));
            ObjectMetaRules.ValidateKubeFinalizerName(finalizer, "spec.finalizers", causes);
        }

        return causes;
    }
}
