using System.Globalization;
using Operators.LocalRun;
using Operators.Runtime.Hosting;

namespace Operators.Soak;

/// <summary>Settings of a soak run, from the command line.</summary>
internal sealed class SoakOptions
{
    /// <summary>The default for <see cref="MaxSlopeMiBPerHour"/> in runs of <see cref="LongRun"/> or more: see the README for the reasoning.</summary>
    public const double DefaultMaxSlopeMiBPerHour = 60;

    /// <summary>The default for <see cref="MaxSlopeMiBPerHour"/> in shorter runs (the CI's limit), whose slope is noisier.</summary>
    public const double ShortRunMaxSlopeMiBPerHour = 360;

    /// <summary>The shortest run whose defaults are those of the 30-minute soak.</summary>
    public static readonly TimeSpan LongRun = TimeSpan.FromMinutes(20);

    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: Operators.Soak [--minutes 30] [--seed N] [--sample-seconds 10|5] [--warmup 10m] [--report FILE]\n" +
        "                      [--max-slope-mib-per-hour 60|360] [--change-seconds 3] [--fault-seconds 30] [--no-faults]\n" +
        "                      [--convergence-timeout 3m] [--run-dir .run/soak] [--configuration Release]";

    /// <summary>Gets or sets how long changes and faults are applied.</summary>
    /// <value>The default value is 30 minutes.</value>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets the seed of the random changes and faults; null picks one (it is printed).</summary>
    public int? Seed { get; set; }

    /// <summary>Gets or sets the time between two samples.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the warm-up excluded from the memory slope; null for the first third of the run.</summary>
    public TimeSpan? Warmup { get; set; }

    /// <summary>Gets or sets the Markdown report file; null prints it only.</summary>
    public string? ReportFile { get; set; }

    /// <summary>Gets or sets the largest memory slope after warm-up (MiB per hour) any process may show.</summary>
    /// <value>The default value is <see cref="DefaultMaxSlopeMiBPerHour"/>.</value>
    public double MaxSlopeMiBPerHour { get; set; } = DefaultMaxSlopeMiBPerHour;

    /// <summary>Gets or sets the mean time between two random changes.</summary>
    /// <value>The default value is 3 seconds.</value>
    public TimeSpan ChangeInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the mean quiet time between two faults.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan FaultInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets a value indicating whether faults are injected.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Faults { get; set; } = true;

    /// <summary>Gets or sets how long the system may take to converge after everything is healed.</summary>
    /// <value>The default value is 3 minutes.</value>
    public TimeSpan ConvergenceTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Gets or sets the folder for the kubeconfig and the logs; relative paths are under the repository root.</summary>
    /// <value>The default value is <c>.run/soak</c>.</value>
    public string RunDirectory { get; set; } = Path.Combine(".run", "soak");

    /// <summary>Gets or sets the build configuration whose outputs are started.</summary>
    /// <value>The default value is <c>Release</c>.</value>
    public string Configuration { get; set; } = "Release";

    /// <summary>Gets or sets a value indicating whether only the usage was asked for.</summary>
    public bool ShowUsage { get; set; }

    /// <summary>Gets the warm-up in effect: <see cref="Warmup"/>, else a third of <see cref="Duration"/> (at least 90 s or half the run, whichever is less).</summary>
    public TimeSpan EffectiveWarmup => Warmup ?? TimeSpan.FromTicks(Math.Max(Duration.Ticks / 3, Math.Min(TimeSpan.FromSeconds(90).Ticks, Duration.Ticks / 2)));

    /// <summary>Reads the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="LaunchException">An argument is unknown or its value is invalid.</exception>
    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SoakOptions();
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            switch (flag)
            {
                case "-h" or "--help": options.ShowUsage = true; continue;
                case "--no-faults": options.Faults = false; continue;
            }

            var value = i + 1 < args.Count ? args[++i] : throw new LaunchException($"{flag} needs a value (try --help)");
            given.Add(flag);
            switch (flag)
            {
                case "--minutes": options.Duration = TimeSpan.FromMinutes(Number(flag, value, 0.1, 24 * 60)); break;
                case "--seed": options.Seed = (int)Number(flag, value, 0, int.MaxValue); break;
                case "--sample-seconds": options.SampleInterval = TimeSpan.FromSeconds(Number(flag, value, 1, 600)); break;
                case "--warmup": options.Warmup = ParseDuration(flag, value); break;
                case "--report": options.ReportFile = value; break;
                case "--max-slope-mib-per-hour": options.MaxSlopeMiBPerHour = Number(flag, value, 0, 1_000_000); break;
                case "--change-seconds": options.ChangeInterval = TimeSpan.FromSeconds(Number(flag, value, 0.2, 3600)); break;
                case "--fault-seconds": options.FaultInterval = TimeSpan.FromSeconds(Number(flag, value, 1, 3600)); break;
                case "--convergence-timeout": options.ConvergenceTimeout = ParseDuration(flag, value); break;
                case "--run-dir": options.RunDirectory = value; break;
                case "--configuration": options.Configuration = value; break;
                default: throw new LaunchException($"unknown argument {flag} (try --help)");
            }
        }

        // Short runs are noisier: denser samples and the CI's limit, unless given.
        if (!given.Contains("--sample-seconds") && options.Duration < TimeSpan.FromMinutes(10))
        {
            options.SampleInterval = TimeSpan.FromSeconds(5);
        }

        if (!given.Contains("--max-slope-mib-per-hour") && options.Duration < LongRun)
        {
            options.MaxSlopeMiBPerHour = ShortRunMaxSlopeMiBPerHour;
        }

        if (options.Warmup is { } warmup && warmup >= options.Duration)
        {
            throw new LaunchException($"--warmup {warmup} leaves no samples for the slope: it must be shorter than the run ({options.Duration})");
        }

        return options;
    }

    private static double Number(string flag, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new LaunchException($"{flag} {value} is not valid: expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    private static TimeSpan ParseDuration(string flag, string value) =>
        GoDuration.TryParse(value, out var duration) && duration >= TimeSpan.Zero
            ? duration
            : throw new LaunchException($"{flag} {value} is not valid: expected a duration such as 90s or 10m");
}
