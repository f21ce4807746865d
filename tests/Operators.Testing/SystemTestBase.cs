using k8s.Models;
using NUnit.Framework.Interfaces;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;
using Operators.Runtime.Client;
using Operators.WebhookReceiver;

namespace Operators.Testing;

/// <summary>Starts one <see cref="RunningSystem"/> per fixture and offers the reads the end-to-end tests share.</summary>
public abstract class SystemTestBase
{
    internal const string Namespace = RunningSystem.Namespace;

    private RunningSystem? _system;

    internal RunningSystem Running => _system ?? throw new InvalidOperationException("the system did not start");

    internal KubeApiClient Client => Running.Client;

    /// <summary>Gets how the fixture's system is built; the defaults unless a fixture says otherwise.</summary>
    internal virtual RunningSystemOptions SystemOptions => RunningSystemOptions.Default;

    [OneTimeSetUp]
    public async Task StartSystemAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        _system = await RunningSystem.StartAsync(SystemOptions, timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopSystemAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }

    [TearDown]
    public void ShowLogsOnFailure()
    {
        if (_system is not null && TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            TestContext.Out.WriteLine(_system.Tail(30));
        }
    }

    protected async Task<V1Alpha1BuildingBlock?> BlockAsync(string name) => await FindAsync<V1Alpha1BuildingBlock>(name);

    protected async Task<V1Alpha1NovaAgent?> AgentAsync(string name) => await FindAsync<V1Alpha1NovaAgent>(name);

    protected async Task<V1Deployment?> DeploymentAsync(string host) => await FindAsync<V1Deployment>("nova-compute-" + host);

    protected async Task<V1ConfigMap?> ConfigMapAsync(string host) => await FindAsync<V1ConfigMap>("nova-compute-" + host);

    protected async Task<V1Alpha1MaintenanceNotifier?> NotifierAsync(string name) => await FindAsync<V1Alpha1MaintenanceNotifier>(name);

    protected async Task<IReadOnlyList<V1Alpha1NovaAgent>> AgentsOfAsync(string block) =>
        (await Client.For<V1Alpha1NovaAgent>().ListAsync(Namespace, new ListOptions { LabelSelector = $"{Operators.Api.WellKnownLabels.BuildingBlock}={block}" })).Items;

    protected static bool Has(IEnumerable<V1Condition>? conditions, string type, string status, string? reason = null) =>
        conditions?.Any(c => c.Type == type && c.Status == status && (reason is null || c.Reason == reason)) == true;

    /// <summary>The event id the notifier recorded for its latest delivery to <paramref name="block"/>, once it is Delivered for <paramref name="event"/>.</summary>
    protected async Task<string?> DeliveredEventIdAsync(string notifier, string block, string @event)
    {
        var record = (await NotifierAsync(notifier))?.Status?.Deliveries?.FirstOrDefault(d => d.BuildingBlock == block);
        return record is { Phase: DeliveryPhases.Delivered } && record.Event == @event ? record.EventId : null;
    }

    /// <summary>Notifications received since <paramref name="start"/> (an index into the receiver's list).</summary>
    internal IReadOnlyList<ReceivedNotification> ReceivedSince(int start) => [.. Running.Receiver.Received.Skip(start)];

    protected async Task<T?> FindAsync<T>(string name)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await Client.For<T>().GetAsync(name, Namespace);
        }
        catch (KubernetesApiException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }
}
