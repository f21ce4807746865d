using System.ComponentModel.DataAnnotations;

namespace Operators.Runtime.Controllers;

/// <summary>Settings of one controller.</summary>
public sealed class ControllerOptions
{
    /// <summary>The default number of concurrent reconciles.</summary>
    public const int DefaultMaxConcurrentReconciles = 1;

    /// <summary>The controller's name: the <c>controller</c> label of its metrics and logs.</summary>
    [Required]
    [RegularExpression("^[a-z0-9]([-a-z0-9_]*[a-z0-9])?$")]
    public string Name { get; set; } = "";

    /// <summary>How many keys are reconciled at once (a key never twice at once).</summary>
    /// <value>The default value is <see cref="DefaultMaxConcurrentReconciles"/>.</value>
    [Range(1, 1000)]
    public int MaxConcurrentReconciles { get; set; } = DefaultMaxConcurrentReconciles;

    /// <summary>When set, a reconcile taking longer is cancelled and counted as an error.</summary>
    /// <value>The default value is null: no timeout.</value>
    public TimeSpan? ReconcileTimeout { get; set; }
}
