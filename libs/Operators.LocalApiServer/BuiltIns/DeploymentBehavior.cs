using System.Text.Json;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// apps/v1 Deployment: keeps <c>metadata.generation</c>; defaults <c>replicas: 1</c>, a 25%/25%
/// RollingUpdate strategy, <c>revisionHistoryLimit: 10</c>, <c>progressDeadlineSeconds: 600</c>
/// and the pod template's defaults; validated as kube-apiserver does (see <see cref="DeploymentValidation"/>).
/// </summary>
internal sealed class DeploymentBehavior : IResourceBehavior
{
    private static readonly DecodeErrors Decode = new("Deployment", "v1");

    /// <inheritdoc />
    public bool TracksGeneration => true;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj)
    {
        Decode.RequireMetadataTypes(obj);
        Decode.RequireKind(obj, "spec", JsonValueKind.Object, "Deployment.spec", "v1.DeploymentSpec");
        var spec = obj.GetOrAddObject("spec");
        foreach (var key in new[] { "replicas", "minReadySeconds", "revisionHistoryLimit", "progressDeadlineSeconds" })
        {
            Decode.RequireKind(spec, key, JsonValueKind.Number, "DeploymentSpec.spec." + key, "int32");
        }

        Decode.RequireKind(spec, "paused", JsonValueKind.True, "DeploymentSpec.spec.paused", "bool");
        Decode.RequireKind(spec, "selector", JsonValueKind.Object, "DeploymentSpec.spec.selector", "v1.LabelSelector");
        Decode.RequireKind(spec, "template", JsonValueKind.Object, "DeploymentSpec.spec.template", "v1.PodTemplateSpec");

        spec.DefaultValue("replicas", 1);
        var strategy = spec.GetOrAddObject("strategy");
        strategy.DefaultString("type", "RollingUpdate");
        if (strategy.GetString("type") == "RollingUpdate")
        {
            var rollingUpdate = strategy.GetOrAddObject("rollingUpdate");
            rollingUpdate.DefaultValue("maxUnavailable", "25%");
            rollingUpdate.DefaultValue("maxSurge", "25%");
        }

        spec.DefaultValue("revisionHistoryLimit", 10);
        spec.DefaultValue("progressDeadlineSeconds", 600);
        PodTemplateDefaults.Apply(spec.GetOrAddObject("template"));
        obj.GetOrAddObject("status");
    }

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old) => DeploymentValidation.Validate(obj, old);
}
