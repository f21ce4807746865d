namespace Operators.Charts.Tests.Infrastructure;

/// <summary>
/// One chart with one values scenario: the defaults (<see cref="ValuesFile"/> null) or one
/// <c>charts/&lt;chart&gt;/ci/&lt;name&gt;-values.yaml</c>.
/// </summary>
internal sealed record ChartScenario(string Chart, string? ValuesFile)
{
    /// <summary>The release every test renders.</summary>
    public const string ReleaseName = "ops";

    /// <summary>The namespace every test renders into.</summary>
    public const string ReleaseNamespace = "openstack-operators";

    /// <summary>The scenario name: <c>default</c>, or the values file's name without <c>-values.yaml</c>.</summary>
    public string Name => ValuesFile is null ? "default" : Path.GetFileName(ValuesFile).Replace("-values.yaml", string.Empty, StringComparison.Ordinal);

    /// <summary>The chart folder relative to the repository root.</summary>
    public string ChartPath => Path.Combine("charts", Chart);

    /// <summary>Returns the helm arguments that select the scenario's values, plus <paramref name="extra"/>.</summary>
    public string[] ValuesArguments(params string[] extra) =>
        ValuesFile is null ? extra : ["-f", ValuesFile, .. extra];

    /// <inheritdoc />
    public override string ToString() => $"{Chart}/{Name}";
}
