using k8s.Models;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.Objects;

namespace Operators.Runtime.AotExample;

/// <summary>Keeps a controlled copy <c>&lt;name&gt;-copy</c> of every ConfigMap labelled <c>example=source</c>.</summary>
internal sealed class ConfigMapCopier(KubeApiClient api, ISharedInformer<V1ConfigMap> cache) : IReconciler
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var source = cache.Indexer.GetByKey(CacheKey.Of(request.Namespace, request.Name));
        if (source?.Metadata.Labels is not { } labels || !labels.TryGetValue("example", out var role) || role != "source")
        {
            return ReconcileResult.Done;
        }

        var copy = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = source.Metadata.Name + "-copy", NamespaceProperty = request.Namespace } };
        await CreateOrPatch.ApplyAsync(api, copy, target =>
        {
            target.Data = new Dictionary<string, string>(source.Data ?? new Dictionary<string, string>());
            OwnerReferences.SetController(source, target);
        }, cancellationToken);
        return ReconcileResult.Done;
    }
}
