using k8s.Models;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.Objects;

namespace Operators.Runtime.AotExample;

/// <summary>Keeps a controlled copy <c>&lt;name&gt;-copy</c> of every ConfigMap labelled <c>example=source</c>.</summary>
internal sealed class ConfigMapCopier(KubeApiClient api) : IObjectReconciler<V1ConfigMap>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(V1ConfigMap obj, CancellationToken cancellationToken)
    {
        if (obj.Metadata.Labels is not { } labels || !labels.TryGetValue("example", out var role) || role != "source")
        {
            return ReconcileResult.Done;
        }

        var copy = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = obj.Metadata.Name + "-copy", NamespaceProperty = obj.Metadata.NamespaceProperty } };
        await CreateOrPatch.ApplyAsync(api, copy, target =>
        {
            target.Data = new Dictionary<string, string>(obj.Data ?? new Dictionary<string, string>());
            OwnerReferences.SetController(obj, target);
        }, cancellationToken);
        return ReconcileResult.Done;
    }
}
