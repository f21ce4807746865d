using k8s.Models;
using Microsoft.Extensions.Options;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.Hosting;

namespace Operators.Runtime.AotExample;

/// <summary>The copier on keys: reads each ConfigMap from the shared cache the controller watches.</summary>
internal sealed class ConfigMapCopierReconciler(SharedInformerFactory informers, IOptions<OperatorOptions> options, KubeApiClient api) : IReconciler
{
    private readonly CachedObjectReconciler<V1ConfigMap> _inner =
        new(informers.GetInformer<V1ConfigMap>(options.Value.Namespace), new ConfigMapCopier(api));

    /// <inheritdoc />
    public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) =>
        _inner.ReconcileAsync(request, cancellationToken);
}
