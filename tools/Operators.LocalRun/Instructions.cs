using System.Globalization;

namespace Operators.LocalRun;

/// <summary>What to try once the system runs: how to point kubectl at it and a maintenance walkthrough.</summary>
internal static class Instructions
{
    /// <summary>The commands, one per line.</summary>
    /// <param name="kubeconfig">The kubeconfig's full path.</param>
    /// <param name="logs">The folder of the full logs, as the user should type it.</param>
    /// <param name="endpoints">The operators' ports.</param>
    /// <param name="hasKubectl">Whether kubectl is on the PATH.</param>
    /// <returns>The lines.</returns>
    public static IReadOnlyList<string> Lines(string kubeconfig, string logs, IReadOnlyDictionary<OperatorProgram, OperatorEndpoints> endpoints, bool hasKubectl)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        const string Rule = "────────────────────────────────────────────────────────────────────────────";
        const string Patch = "kubectl patch bb bb091 -n openstack --type merge -p";
        var lines = new List<string>
        {
            Rule,
            " Everything is running. In another terminal:",
            string.Empty,
            $"   export KUBECONFIG={kubeconfig}",
            "   kubectl get openstack -n openstack",
            "   kubectl get na -n openstack -w                # watch the agents (Ctrl-C ends the watch)",
            string.Empty,
            " Put bb091 into maintenance: its 4 agents scale to 0 and both notifiers fire ([receiver] lines):",
            $"   {Patch} '{{\"spec\":{{\"maintenance\":{{\"reason\":\"CHG0123456 BIOS update\"}}}}}}'",
            "   kubectl get deploy -n openstack -l openstack.operators.dev/building-block=bb091",
            "   kubectl wait --for=condition=Maintenance bb/bb091 -n openstack",
            " Take it out again (agents come back, a Left notification arrives):",
            $"   {Patch} '{{\"spec\":{{\"maintenance\":null}}}}'",
            string.Empty,
            " More:  kubectl describe bb bb091 -n openstack;  kubectl get events -n openstack",
            "        kubectl get mn -n openstack -o wide;  kubectl get lease -n " + LocalSystem.OperatorNamespace,
        };
        foreach (var (program, ports) in endpoints)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"        curl -s {ports.Metrics}   # {program.Name} metrics"));
        }

        if (!hasKubectl)
        {
            lines.Add(" (kubectl is not on the PATH: install it to try these; make run itself does not need it.)");
        }

        lines.Add($" Full logs: {logs}   Stop everything: Ctrl-C.");
        lines.Add(Rule);
        return lines;
    }

    /// <summary>Whether an executable named <paramref name="name"/> is on the PATH.</summary>
    /// <param name="name">The program name.</param>
    /// <returns>True when found.</returns>
    public static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, name)));
}
