using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Operators.Runtime.Objects;

namespace Operators.Runtime.Hosting;

/// <summary>
/// The settings every operator shares (DESIGN.md, "Command-line flags and configuration"). Each
/// property is read from its flag (e.g. <c>--metrics-bind-address</c>) or from
/// <c>Operator:&lt;Property&gt;</c> (e.g. the environment variable <c>Operator__MetricsBindAddress</c>);
/// flags and configuration override what code sets. Validated when the host starts.
/// </summary>
public sealed class OperatorOptions : IValidatableObject
{
    /// <summary>The default of <see cref="MetricsBindAddress"/>.</summary>
    public const string DefaultMetricsBindAddress = ":8080";

    /// <summary>The default of <see cref="HealthProbeBindAddress"/>.</summary>
    public const string DefaultHealthProbeBindAddress = ":8081";

    /// <summary>The default of <see cref="MaxConcurrentReconciles"/>.</summary>
    public const int DefaultMaxConcurrentReconciles = 1;

    /// <summary>The default of <see cref="KubeApiQps"/>.</summary>
    public const double DefaultKubeApiQps = 20;

    /// <summary>The default of <see cref="KubeApiBurst"/>.</summary>
    public const int DefaultKubeApiBurst = 30;

    /// <summary>Gets or sets the operator's name: the Lease name, the Events' reporting controller.</summary>
    /// <value>Required; a DNS subdomain name. No default.</value>
    [Required(ErrorMessage = "The operator's Name is required.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the kubeconfig file (<c>--kubeconfig</c>).</summary>
    /// <value>The default value is null: in-cluster config, then <c>$KUBECONFIG</c>, then <c>~/.kube/config</c>.</value>
    public string? Kubeconfig { get; set; }

    /// <summary>Gets or sets the namespace to watch (<c>--namespace</c>).</summary>
    /// <value>The default value is null: all namespaces.</value>
    public string? Namespace { get; set; }

    /// <summary>Gets or sets where <c>/metrics</c> listens (<c>--metrics-bind-address</c>): <c>host:port</c>, <c>:port</c> for all interfaces, or <c>0</c> for off.</summary>
    /// <value>The default value is <c>:8080</c>.</value>
    public string MetricsBindAddress { get; set; } = DefaultMetricsBindAddress;

    /// <summary>Gets or sets where <c>/healthz</c> and <c>/readyz</c> listen (<c>--health-probe-bind-address</c>); same forms as <see cref="MetricsBindAddress"/>.</summary>
    /// <value>The default value is <c>:8081</c>.</value>
    public string HealthProbeBindAddress { get; set; } = DefaultHealthProbeBindAddress;

    /// <summary>Gets or sets a value indicating whether controllers run only while holding the Lease (<c>--leader-elect</c>).</summary>
    /// <value>The default value is false.</value>
    public bool LeaderElect { get; set; }

    /// <summary>Gets or sets the Lease's namespace (<c>--leader-election-namespace</c>).</summary>
    /// <value>The default value is null: <see cref="Namespace"/> when set, else <c>default</c>.</value>
    public string? LeaderElectionNamespace { get; set; }

    /// <summary>Gets or sets how long a standby waits before taking over an unrenewed Lease (<c>--leader-election-lease-duration</c>, e.g. <c>15s</c>).</summary>
    /// <value>The default value is null: the leader elector's default (15 s).</value>
    public TimeSpan? LeaseDuration { get; set; }

    /// <summary>Gets or sets how long the leader retries failed renewals before it stops leading (<c>--leader-election-renew-deadline</c>, e.g. <c>10s</c>).</summary>
    /// <value>The default value is null: the leader elector's default (10 s).</value>
    public TimeSpan? RenewDeadline { get; set; }

    /// <summary>Gets or sets the pause between leader-election attempts (<c>--leader-election-retry-period</c>, e.g. <c>2s</c>).</summary>
    /// <value>The default value is null: the leader elector's default (2 s).</value>
    public TimeSpan? RetryPeriod { get; set; }

    /// <summary>Gets or sets how often every informer redelivers its whole cache to the controllers (<c>--sync-period</c>, e.g. <c>10h</c>).</summary>
    /// <value>The default value is null: the informers' default (10 h).</value>
    public TimeSpan? SyncPeriod { get; set; }

    /// <summary>Gets or sets each controller's worker count (<c>--max-concurrent-reconciles</c>).</summary>
    /// <value>The default value is 1.</value>
    public int MaxConcurrentReconciles { get; set; } = DefaultMaxConcurrentReconciles;

    /// <summary>Gets or sets the client-side request rate (<c>--kube-api-qps</c>).</summary>
    /// <value>The default value is 20.</value>
    public double KubeApiQps { get; set; } = DefaultKubeApiQps;

    /// <summary>Gets or sets the client-side request burst (<c>--kube-api-burst</c>).</summary>
    /// <value>The default value is 30.</value>
    public int KubeApiBurst { get; set; } = DefaultKubeApiBurst;

    /// <summary>Gets or sets the log format (<c>--log-format</c> <c>json</c>|<c>text</c>).</summary>
    /// <value>The default value is <see cref="OperatorLogFormat.Json"/>.</value>
    public OperatorLogFormat LogFormat { get; set; } = OperatorLogFormat.Json;

    /// <summary>Gets or sets the minimum log level (<c>--log-level</c>: <c>debug</c>, <c>info</c>, <c>warn</c>, <c>error</c> or a <see cref="Microsoft.Extensions.Logging.LogLevel"/> name).</summary>
    /// <value>The default value is <see cref="LogLevel.Information"/>.</value>
    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    /// <summary>Gets the names of the operator's own <see cref="System.Diagnostics.ActivitySource"/>s, traced besides the runtime's reconcile and API-call activities.</summary>
    /// <value>Empty by default; set in code by the operator (not a flag).</value>
    public IList<string> ActivitySources { get; } = [];

    /// <inheritdoc />
    /// <remarks>Results carry no member names, so that each failure reads as the flag alone. Numeric ranges are checked here, not with <c>[Range]</c>: the options source generator drops a <c>[Range]</c>'s <c>ErrorMessage</c>, and the message must name the flag.</remarks>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxConcurrentReconciles is < 1 or > 1000)
        {
            yield return OutOfRange("--max-concurrent-reconciles", MaxConcurrentReconciles, 1, 1000);
        }

        if (!(KubeApiQps is >= 0.01 and <= 100_000))
        {
            yield return OutOfRange("--kube-api-qps", KubeApiQps, 0.01, 100_000);
        }

        if (KubeApiBurst is < 1 or > 100_000)
        {
            yield return OutOfRange("--kube-api-burst", KubeApiBurst, 1, 100_000);
        }

        if (SyncPeriod is { } sync && sync < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"--sync-period {sync} is too short: expected at least 1s."));
        }

        if (!string.IsNullOrEmpty(Name) && QualifiedNames.Check(Name) is { } error)
        {
            yield return new ValidationResult($"The operator's Name '{Name}' is not valid: {error}.");
        }

        if (!BindAddress.TryParse(MetricsBindAddress, out _))
        {
            yield return new ValidationResult($"--metrics-bind-address '{MetricsBindAddress}' is not host:port, :port or 0.");
        }

        if (!BindAddress.TryParse(HealthProbeBindAddress, out _))
        {
            yield return new ValidationResult($"--health-probe-bind-address '{HealthProbeBindAddress}' is not host:port, :port or 0.");
        }
    }

    private static ValidationResult OutOfRange(string flag, double value, double min, double max) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{flag} {value} is out of range: expected {min} to {max}."));
}
