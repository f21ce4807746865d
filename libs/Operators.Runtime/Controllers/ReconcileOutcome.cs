namespace Operators.Runtime.Controllers;

/// <summary>The <c>result</c> label values of <c>controller_runtime_reconcile_total</c>.</summary>
internal static class ReconcileOutcome
{
    /// <summary>Done, nothing requeued.</summary>
    public const string Success = "success";

    /// <summary>Failed with an exception.</summary>
    public const string Error = "error";

    /// <summary>Requeued with backoff.</summary>
    public const string Requeue = "requeue";

    /// <summary>Requeued after a delay.</summary>
    public const string RequeueAfter = "requeue_after";
}
