using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.LocalRun;
using Operators.Testing;

namespace Operators.Reliability.Tests.Security;

/// <summary>
/// The RBAC objects of a chart as <c>helm template</c> renders them with the chart's default values in the operators'
/// namespace: its ServiceAccount, Roles, ClusterRoles and their bindings.
/// </summary>
/// <param name="Chart">The chart's name.</param>
/// <param name="Objects">The rendered ServiceAccount, (Cluster)Role and (Cluster)RoleBinding objects.</param>
internal sealed record ChartRbac(string Chart, IReadOnlyList<JsonObject> Objects)
{
    private static readonly string[] Kinds = ["ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"];

    /// <summary>The user name of the chart's ServiceAccount: <c>system:serviceaccount:&lt;namespace&gt;:&lt;name&gt;</c>.</summary>
    public string ServiceAccountUser
    {
        get
        {
            var account = Objects.Single(o => Kind(o) == "ServiceAccount")["metadata"]!;
            return $"system:serviceaccount:{(string?)account["namespace"]}:{(string?)account["name"]}";
        }
    }

    /// <summary>The chart's ClusterRole.</summary>
    public JsonObject ClusterRole => Objects.Single(o => Kind(o) == "ClusterRole");

    /// <summary>Runs <c>helm template charts/&lt;chart&gt; --namespace &lt;namespace&gt;</c> (helm from <c>.tools/bin</c>, <c>make tools</c>).</summary>
    public static async Task<ChartRbac> RenderAsync(string chart, string operatorNamespace)
    {
        var root = TestRepository.Layout.Root;
        var helm = Path.Combine(root, ".tools", "bin", "helm");
        File.Exists(helm).Should().BeTrue("`make tools` installs helm into .tools/bin");
        var start = new ProcessStartInfo(helm) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var argument in (string[])["template", Path.Combine("charts", chart), "--namespace", operatorNamespace])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await errors);
        var objects = YamlManifests.Parse(await output, chart).Where(o => Kinds.Contains(Kind(o))).ToList();
        objects.Select(Kind).Should().Contain(Kinds, $"the {chart} chart renders its ServiceAccount and RBAC with default values");
        return new ChartRbac(chart, objects);
    }

    /// <summary>A copy of <paramref name="role"/> without the rule that grants <paramref name="resource"/>.</summary>
    public static JsonObject WithoutRuleFor(JsonObject role, string resource)
    {
        var copy = role.DeepClone().AsObject();
        var rules = copy["rules"]!.AsArray();
        var rule = rules.Single(r => r!["resources"]!.AsArray().Any(x => (string?)x == resource));
        rules.Remove(rule);
        return copy;
    }

    private static string? Kind(JsonObject o) => (string?)o["kind"];
}
