using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Operators.Charts.Tests.Infrastructure;

/// <summary>The objects <c>helm template</c> rendered for one scenario.</summary>
internal sealed class RenderedChart
{
    private static readonly ConcurrentDictionary<string, Lazy<RenderedChart>> Cache = new(StringComparer.Ordinal);

    private RenderedChart(ChartScenario scenario, IReadOnlyList<JsonNode> objects)
    {
        Scenario = scenario;
        Objects = objects;
    }

    /// <summary>Gets the scenario rendered.</summary>
    public ChartScenario Scenario { get; }

    /// <summary>Gets every rendered object.</summary>
    public IReadOnlyList<JsonNode> Objects { get; }

    /// <summary>Gets the operator's Deployment.</summary>
    public JsonNode Deployment => Single("Deployment");

    /// <summary>Gets the operator container of the Deployment.</summary>
    public JsonNode Container => Deployment.Items("spec.template.spec.containers").Single(c => c.Str("name") == "operator");

    /// <summary>Gets the operator's command-line arguments.</summary>
    public IReadOnlyList<string> Args => Container.Strings("args");

    /// <summary>Renders <paramref name="scenario"/> once per test run (with <paramref name="extra"/> helm arguments, uncached when given).</summary>
    public static RenderedChart Of(ChartScenario scenario, params string[] extra)
    {
        if (extra.Length > 0)
        {
            return Render(scenario, extra);
        }

        return Cache.GetOrAdd(scenario.ToString(), _ => new Lazy<RenderedChart>(() => Render(scenario, extra))).Value;
    }

    /// <summary>Returns the objects of one kind.</summary>
    public IReadOnlyList<JsonNode> OfKind(string kind) => Objects.Where(o => o.Str("kind") == kind).ToList();

    /// <summary>Returns the only object of one kind; fails when there is none or more than one.</summary>
    public JsonNode Single(string kind)
    {
        var found = OfKind(kind);
        Assert.That(found, Has.Count.EqualTo(1), $"{Scenario}: expected exactly one {kind}.");
        return found[0];
    }

    private static RenderedChart Render(ChartScenario scenario, string[] extra)
    {
        var result = Helm.Run(
        [
            "template", ChartScenario.ReleaseName, scenario.ChartPath,
            "--namespace", ChartScenario.ReleaseNamespace,
            .. scenario.ValuesArguments(extra),
        ]);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{scenario} does not render:\n{result.Output}");
        }

        return new RenderedChart(scenario, YamlDocuments.Parse(result.StandardOutput));
    }
}
