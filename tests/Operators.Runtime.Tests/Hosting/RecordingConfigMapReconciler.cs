using Operators.Runtime.Controllers;

namespace Operators.Runtime.Tests.Hosting;

/// <summary>A tiny ConfigMap reconciler resolved from DI: records each request.</summary>
public sealed class RecordingConfigMapReconciler(ReconcileLog log) : IReconciler
{
    public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        log.Add(request);
        return Task.FromResult(ReconcileResult.Done);
    }
}
