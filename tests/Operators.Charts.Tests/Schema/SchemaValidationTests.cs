using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Schema;

public sealed class SchemaValidationTests
{
    private const string MonitoringApi = "monitoring.coreos.com/v1";

    /// <summary>The verdicts of every scenario's built-in objects, from one node process (starting node is the slow part).</summary>
    private static readonly Lazy<Dictionary<string, IReadOnlyList<SchemaVerdict>>> Verdicts = new(ValidateAllScenarios);

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void RenderedBuiltInObjects_PassTheKubernetesSchemas(object scenario)
    {
        var builtIn = BuiltIn((ChartScenario)scenario);

        var verdicts = Verdicts.Value[scenario.ToString()!];

        verdicts.Select(v => $"{v.Kind}/{v.Name}").Should().Equal(builtIn.Select(o => $"{o.Str("kind")}/{o.Str("metadata.name")}"));
        var rejected = verdicts.Where(v => v.Status != "valid").ToList();
        rejected.Should().BeEmpty($"{scenario}: every built-in object must match its schema:\n{KubernetesModels.Describe(rejected)}");
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void RenderedMonitoringObjects_HaveTheShapePrometheusOperatorReads(object scenario)
    {
        var rendered = RenderedChart.Of((ChartScenario)scenario);

        foreach (var monitoring in rendered.Objects.Where(o => o.Str("apiVersion") == MonitoringApi))
        {
            var what = $"{scenario} {monitoring.Str("kind")} {monitoring.Str("metadata.name")}";
            monitoring.Str("metadata.name").Should().NotBeNullOrEmpty(what);
            switch (monitoring.Str("kind"))
            {
                case "ServiceMonitor":
                    monitoring.At("spec.selector.matchLabels").Should().BeOfType<JsonObject>(what);
                    monitoring.Items("spec.endpoints").Should().NotBeEmpty(what)
                        .And.OnlyContain(e => e.Str("port") != null && e.Str("interval") != null, what);
                    break;
                case "PrometheusRule":
                    var groups = monitoring.Items("spec.groups");
                    groups.Should().NotBeEmpty(what).And.OnlyContain(g => g.Str("name") != null && g.Items("rules").Count > 0, what);
                    groups.SelectMany(g => g.Items("rules")).Should().OnlyContain(
                        r => r.Str("alert") != null && r.Str("expr") != null && r.Str("labels.severity") != null && r.Str("annotations.summary") != null,
                        $"{what}: every rule needs alert, expr, labels.severity and annotations.summary");
                    break;
                default:
                    Assert.Fail($"{what}: unexpected kind of {MonitoringApi}.");
                    break;
            }
        }
    }

    private static List<JsonNode> BuiltIn(ChartScenario scenario) =>
        RenderedChart.Of(scenario).Objects.Where(o => o.Str("apiVersion") != MonitoringApi).ToList();

    private static Dictionary<string, IReadOnlyList<SchemaVerdict>> ValidateAllScenarios()
    {
        var scenarios = ChartCatalog.AllScenarios().Select(s => (Name: s.ToString(), Objects: BuiltIn(s))).ToList();
        var all = KubernetesModels.Validate(scenarios.SelectMany(s => s.Objects));
        all.Should().HaveCount(scenarios.Sum(s => s.Objects.Count));

        var result = new Dictionary<string, IReadOnlyList<SchemaVerdict>>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var (name, objects) in scenarios)
        {
            result[name] = all.Skip(offset).Take(objects.Count).ToList();
            offset += objects.Count;
        }

        return result;
    }

    [Test]
    public void Validator_RejectsAWronglyTypedFieldAndAMissingRequiredOne()
    {
        var deployment = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"broken"},
             "spec":{"replicas":"two","selector":{},"template":{"spec":{"containers":[{"image":"x"}]}}}}
            """)!;

        var verdict = KubernetesModels.Validate([deployment]).Should().ContainSingle().Subject;

        verdict.Status.Should().Be("invalid");
        verdict.Errors.Should().Contain(e => e.Contains("/spec/replicas", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("name", StringComparison.Ordinal));
    }

    [Test]
    public void Validator_ReportsAKindWithoutASchemaAsUnknown()
    {
        var custom = JsonNode.Parse("""{"apiVersion":"openstack.operators.dev/v1alpha1","kind":"NovaAgent","metadata":{"name":"a"}}""")!;

        KubernetesModels.Validate([custom]).Should().ContainSingle().Which.Status.Should().Be("unknown");
    }
}
