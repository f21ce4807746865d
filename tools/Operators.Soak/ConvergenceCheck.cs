using System.Text.Json.Nodes;

namespace Operators.Soak;

/// <summary>
/// Whether the system has converged to the soak's desired state: every block observed, Ready, out of
/// maintenance, with one ready agent per host; exactly one NovaAgent, ConfigMap and Deployment per host
/// (no duplicates, no orphans); every notifier observed and Ready; every transition settled at every
/// notifier. Reading also feeds the <see cref="TransitionLedger"/>.
/// </summary>
internal sealed class ConvergenceCheck(ResilientApi api, IReadOnlyList<DesiredBlock> blocks, IReadOnlyList<DesiredNotifier> notifiers, TransitionLedger ledger)
{
    private const string Core = "/api/v1/namespaces/" + SoakSystem.Namespace + "/";
    private const string Apps = "/apis/apps/v1/namespaces/" + SoakSystem.Namespace + "/";

    /// <summary>Reads everything once.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What is not converged yet; empty when converged.</returns>
    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var hosts = blocks.SelectMany(b => b.Hosts).ToHashSet(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            var item = await api.GetAsync(block.Path, cancellationToken);
            ledger.ObserveBlock(item, block);
            CheckBlock(item, block, problems);
        }

        var listed = await api.ListAsync(ResilientApi.CustomResources + "maintenancenotifiers", cancellationToken);
        CompareNames("MaintenanceNotifiers", listed.Select(SoakChecks.Name), notifiers.Select(n => n.Name).ToHashSet(StringComparer.Ordinal), problems);
        foreach (var notifier in listed)
        {
            ledger.ObserveNotifier(notifier);
            if (!SoakChecks.IsObserved(notifier) || SoakChecks.ConditionStatus(notifier, "Ready") != "True")
            {
                problems.Add($"notifier {SoakChecks.Name(notifier)}: not Ready/observed ({SoakChecks.ConditionReason(notifier, "Ready")})");
            }
        }

        var agents = await api.ListAsync(ResilientApi.CustomResources + "novaagents", cancellationToken);
        CompareNames("NovaAgents", agents.Select(SoakChecks.Name), hosts, problems);
        foreach (var agent in agents.Where(a => !SoakChecks.IsObserved(a) || SoakChecks.ConditionStatus(a, "Ready") != "True"))
        {
            problems.Add($"NovaAgent {SoakChecks.Name(agent)}: not Ready/observed ({SoakChecks.ConditionReason(agent, "Ready")})");
        }

        var children = hosts.Select(h => "nova-compute-" + h).ToHashSet(StringComparer.Ordinal);
        CompareNames("ConfigMaps", await NamesAsync(Core + "configmaps", cancellationToken), children, problems);
        CompareNames("Deployments", await NamesAsync(Apps + "deployments", cancellationToken), children, problems);
        problems.AddRange(blocks.Where(b => !ledger.IsSettled(b.Name)).Select(b => $"block {b.Name}: a transition is not settled at every notifier"));
        return problems;
    }

    private static void CheckBlock(JsonObject item, DesiredBlock block, List<string> problems)
    {
        var ready = SoakChecks.ConditionStatus(item, "Ready");
        var reason = SoakChecks.ConditionReason(item, "Ready");
        if (!SoakChecks.IsObserved(item) || ready != "True")
        {
            problems.Add($"block {block.Name}: Ready={ready} ({reason}), observed={SoakChecks.IsObserved(item)}");
        }

        if (SoakChecks.ConditionStatus(item, "Maintenance") != "False")
        {
            problems.Add($"block {block.Name}: still in maintenance");
        }

        var desired = SoakChecks.StatusNumber(item, "desiredAgents");
        var readyAgents = SoakChecks.StatusNumber(item, "readyAgents");
        if (desired != block.Hosts.Count || readyAgents != block.Hosts.Count)
        {
            problems.Add($"block {block.Name}: {readyAgents}/{desired} agents ready, {block.Hosts.Count} hosts");
        }
    }

    private static void CompareNames(string what, IEnumerable<string> actual, IReadOnlySet<string> expected, List<string> problems)
    {
        var names = actual.ToList();
        var duplicates = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = expected.Except(names, StringComparer.Ordinal).ToList();
        var extra = names.Distinct(StringComparer.Ordinal).Except(expected, StringComparer.Ordinal).ToList();
        if (duplicates.Count + missing.Count + extra.Count > 0)
        {
            problems.Add($"{what}: missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}], duplicates [{string.Join(", ", duplicates)}]");
        }
    }

    private async Task<IEnumerable<string>> NamesAsync(string path, CancellationToken cancellationToken) =>
        (await api.ListAsync(path, cancellationToken))
            .Where(i => SoakChecks.Name(i).StartsWith("nova-compute-", StringComparison.Ordinal))
            .Select(SoakChecks.Name);
}
