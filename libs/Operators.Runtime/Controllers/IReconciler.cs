namespace Operators.Runtime.Controllers;

/// <summary>
/// Drives one object towards its desired state. Level-triggered: it gets only the key, reads the
/// current state itself, and must be idempotent. A key is never reconciled concurrently with itself.
/// </summary>
public interface IReconciler
{
    /// <summary>Reconciles the object named by <paramref name="request"/>.</summary>
    /// <param name="request">The object's namespace and name.</param>
    /// <param name="cancellationToken">Cancelled on shutdown or when the reconcile timeout passes.</param>
    /// <returns>What to do with the key next.</returns>
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);
}
