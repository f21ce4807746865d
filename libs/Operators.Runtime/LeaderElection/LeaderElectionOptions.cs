using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Operators.Runtime.LeaderElection;

/// <summary>
/// Configures a <see cref="LeaderElector"/>: which Lease to hold, who this candidate is, and the
/// three timings of client-go's leader election. Validated when the elector is built.
/// </summary>
/// <remarks>
/// The timings must satisfy <c>RetryPeriod &lt; RenewDeadline &lt; LeaseDuration</c>: a leader
/// retries a failed renewal several times before it gives up, and it gives up before a standby
/// may take the lease over.
/// </remarks>
public sealed class LeaderElectionOptions : IValidatableObject
{
    /// <summary>The default <see cref="LeaseNamespace"/>.</summary>
    public const string DefaultLeaseNamespace = "default";

    /// <summary>The default <see cref="LeaseDuration"/>: 15 seconds, as in client-go.</summary>
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>The default <see cref="RenewDeadline"/>: 10 seconds, as in client-go.</summary>
    public static readonly TimeSpan DefaultRenewDeadline = TimeSpan.FromSeconds(10);

    /// <summary>The default <see cref="RetryPeriod"/>: 2 seconds, as in client-go.</summary>
    public static readonly TimeSpan DefaultRetryPeriod = TimeSpan.FromSeconds(2);

    /// <summary>The shortest allowed <see cref="LeaseDuration"/>: the Lease stores whole seconds.</summary>
    public static readonly TimeSpan MinimumLeaseDuration = TimeSpan.FromSeconds(1);

    /// <summary>The shortest allowed <see cref="RetryPeriod"/>.</summary>
    public static readonly TimeSpan MinimumRetryPeriod = TimeSpan.FromMilliseconds(10);

    /// <summary>Gets or sets the name of the <c>coordination.k8s.io/v1</c> Lease, usually the operator's name.</summary>
    /// <value>Required; no default.</value>
    [Required]
    [StringLength(253, MinimumLength = 1)]
    public string LeaseName { get; set; } = string.Empty;

    /// <summary>Gets or sets the namespace of the Lease.</summary>
    /// <value>The default value is <see cref="DefaultLeaseNamespace"/>.</value>
    [Required]
    [StringLength(63, MinimumLength = 1)]
    public string LeaseNamespace { get; set; } = DefaultLeaseNamespace;

    /// <summary>Gets or sets this candidate's identity, written to the Lease's <c>holderIdentity</c>; unique per process.</summary>
    /// <value>The default value is <see cref="CreateDefaultIdentity"/>: the host name and a random suffix.</value>
    [Required]
    [StringLength(253, MinimumLength = 1)]
    public string Identity { get; set; } = CreateDefaultIdentity();

    /// <summary>
    /// Gets or sets how long a standby waits, after it last saw the Lease change, before it takes the
    /// Lease over. Written to <c>leaseDurationSeconds</c> in whole seconds (rounded up).
    /// </summary>
    /// <value>The default value is <see cref="DefaultLeaseDuration"/> (15 s); at least <see cref="MinimumLeaseDuration"/>.</value>
    public TimeSpan LeaseDuration { get; set; } = DefaultLeaseDuration;

    /// <summary>Gets or sets how long the leader keeps retrying failed renewals, counted from its last successful one, before it stops leading.</summary>
    /// <value>The default value is <see cref="DefaultRenewDeadline"/> (10 s); less than <see cref="LeaseDuration"/>.</value>
    public TimeSpan RenewDeadline { get; set; } = DefaultRenewDeadline;

    /// <summary>Gets or sets the pause between attempts: renewals by the leader, acquisitions by a standby (jittered up to 2.2×).</summary>
    /// <value>The default value is <see cref="DefaultRetryPeriod"/> (2 s); less than <see cref="RenewDeadline"/>.</value>
    public TimeSpan RetryPeriod { get; set; } = DefaultRetryPeriod;

    /// <summary>Gets or sets a value indicating whether a leader that is stopped gracefully clears the Lease's holder, so that a standby takes over at once.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReleaseOnCancel { get; set; } = true;

    /// <summary>Creates an identity that is unique per process: the host name, an underscore and eight random hex digits.</summary>
    /// <returns>The identity, e.g. <c>node-1_3f2a9c01</c>.</returns>
    public static string CreateDefaultIdentity() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}_{Random.Shared.Next():x8}");

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeaseDuration < MinimumLeaseDuration)
        {
            yield return Failure($"LeaseDuration must be at least {MinimumLeaseDuration}; it is {LeaseDuration}.", nameof(LeaseDuration));
        }

        if (RetryPeriod < MinimumRetryPeriod)
        {
            yield return Failure($"RetryPeriod must be at least {MinimumRetryPeriod}; it is {RetryPeriod}.", nameof(RetryPeriod));
        }

        if (RenewDeadline >= LeaseDuration)
        {
            yield return Failure($"RenewDeadline ({RenewDeadline}) must be less than LeaseDuration ({LeaseDuration}).", nameof(RenewDeadline));
        }

        if (RetryPeriod >= RenewDeadline)
        {
            yield return Failure($"RetryPeriod ({RetryPeriod}) must be less than RenewDeadline ({RenewDeadline}).", nameof(RetryPeriod));
        }
    }

    private static ValidationResult Failure(FormattableString message, string member) =>
        new(FormattableString.Invariant(message), [member]);
}
