using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Operators.Runtime.Hosting;

/// <summary>
/// Reads the flags of DESIGN.md into <see cref="OperatorOptions"/>, after code has configured them:
/// a flag's key (<c>metrics-bind-address</c>, from <c>--metrics-bind-address</c>) wins over
/// <c>Operator:MetricsBindAddress</c>. A value that does not parse fails with the flag's name.
/// </summary>
internal sealed class OperatorConfiguration(IConfiguration configuration) : IPostConfigureOptions<OperatorOptions>
{
    /// <summary>The configuration section read besides the flags.</summary>
    public const string SectionName = "Operator";

    /// <inheritdoc />
    public void PostConfigure(string? name, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Apply(configuration, options, errors);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(name ?? Options.DefaultName, typeof(OperatorOptions), errors);
        }
    }

    /// <summary>Copies the configured values onto <paramref name="options"/>, collecting parse errors.</summary>
    public static void Apply(IConfiguration configuration, OperatorOptions options, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (Read(configuration, "kubeconfig", nameof(OperatorOptions.Kubeconfig)) is { } kubeconfig)
        {
            options.Kubeconfig = kubeconfig;
        }

        if (Read(configuration, "namespace", nameof(OperatorOptions.Namespace)) is { } ns)
        {
            options.Namespace = ns;
        }

        if (Read(configuration, "metrics-bind-address", nameof(OperatorOptions.MetricsBindAddress)) is { } metrics)
        {
            options.MetricsBindAddress = metrics;
        }

        if (Read(configuration, "health-probe-bind-address", nameof(OperatorOptions.HealthProbeBindAddress)) is { } probes)
        {
            options.HealthProbeBindAddress = probes;
        }

        if (Read(configuration, "leader-election-namespace", nameof(OperatorOptions.LeaderElectionNamespace)) is { } leaseNamespace)
        {
            options.LeaderElectionNamespace = leaseNamespace;
        }

        Parse(configuration, "leader-elect", nameof(OperatorOptions.LeaderElect), errors, "true or false",
            (string s, out bool v) => bool.TryParse(s, out v), v => options.LeaderElect = v);
        Parse(configuration, "max-concurrent-reconciles", nameof(OperatorOptions.MaxConcurrentReconciles), errors, "an integer",
            (string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v), v => options.MaxConcurrentReconciles = v);
        Parse(configuration, "kube-api-qps", nameof(OperatorOptions.KubeApiQps), errors, "a number",
            (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v), v => options.KubeApiQps = v);
        Parse(configuration, "kube-api-burst", nameof(OperatorOptions.KubeApiBurst), errors, "an integer",
            (string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v), v => options.KubeApiBurst = v);
        ParseDuration(configuration, "leader-election-lease-duration", nameof(OperatorOptions.LeaseDuration), errors, v => options.LeaseDuration = v);
        ParseDuration(configuration, "leader-election-renew-deadline", nameof(OperatorOptions.RenewDeadline), errors, v => options.RenewDeadline = v);
        ParseDuration(configuration, "leader-election-retry-period", nameof(OperatorOptions.RetryPeriod), errors, v => options.RetryPeriod = v);
        ParseDuration(configuration, "sync-period", nameof(OperatorOptions.SyncPeriod), errors, v => options.SyncPeriod = v);
        Parse<OperatorLogFormat>(configuration, "log-format", nameof(OperatorOptions.LogFormat), errors, "json or text",
            TryParseLogFormat, v => options.LogFormat = v);
        Parse<LogLevel>(configuration, "log-level", nameof(OperatorOptions.LogLevel), errors, "debug, info, warn or error",
            TryParseLogLevel, v => options.LogLevel = v);
    }

    private delegate bool TryParser<T>(string value, out T result);

    private static string? Read(IConfiguration configuration, string flag, string property) =>
        configuration[flag] ?? configuration[SectionName + ":" + property];

    private static void Parse<T>(IConfiguration configuration, string flag, string property, List<string> errors, string expected, TryParser<T> parse, Action<T> set)
    {
        if (Read(configuration, flag, property) is not { } text)
        {
            return;
        }

        if (parse(text.Trim(), out var value))
        {
            set(value);
        }
        else
        {
            errors.Add($"--{flag} '{text}' is not valid: expected {expected}.");
        }
    }

    private static void ParseDuration(IConfiguration configuration, string flag, string property, List<string> errors, Action<TimeSpan> set) =>
        Parse(configuration, flag, property, errors, "a duration such as 500ms, 30s, 1m30s or 10h", GoDuration.TryParse, set);

    private static bool TryParseLogFormat(string value, out OperatorLogFormat format)
    {
        format = value.ToUpperInvariant() switch
        {
            "JSON" => OperatorLogFormat.Json,
            "TEXT" => OperatorLogFormat.Text,
            _ => (OperatorLogFormat)(-1),
        };
        return format >= 0;
    }

    private static bool TryParseLogLevel(string value, out LogLevel level)
    {
        level = value.ToUpperInvariant() switch
        {
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" or "INFORMATION" => LogLevel.Information,
            "WARN" or "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "CRITICAL" => LogLevel.Critical,
            "NONE" => LogLevel.None,
            _ => (LogLevel)(-1),
        };
        return level >= 0;
    }
}
