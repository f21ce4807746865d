using System.Text;
using System.Text.Json;
using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Transitions;
using Operators.Runtime.Objects;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>
/// One test's world: its own namespace, the operator's real host watching it (logs captured), and helpers
/// that write BuildingBlocks and their maintenance status directly (no building-block operator runs).
/// </summary>
internal sealed class NotifierScenario : IAsyncDisposable
{
    private readonly Action<HostApplicationBuilder>? _configure;

    private NotifierScenario(string ns, Action<HostApplicationBuilder>? configure)
    {
        Namespace = ns;
        _configure = configure;
    }

    public string Namespace { get; }

    public LogCapture Logs { get; } = new();

    public OperatorUnderTest Operator { get; private set; } = null!;

    public static WebhookReceiver Receiver => IntegrationEnvironment.Receiver;

    /// <summary>Starts the operator on a fresh namespace; <paramref name="configure"/> runs on its host builder before the operator is added.</summary>
    public static async Task<NotifierScenario> StartAsync(string prefix, Action<HostApplicationBuilder>? configure = null)
    {
        var ns = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 9, 63)];
        await IntegrationEnvironment.Api.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var scenario = new NotifierScenario(ns, configure);
        scenario.Operator = await OperatorUnderTest.StartAsync(ns, scenario.Logs, configure);
        return scenario;
    }

    /// <summary>The receiver path of a hook of this test.</summary>
    public string Path(string hook) => $"/{Namespace}/{hook}";

    public string Url(string hook) => Receiver.Url(Path(hook)).ToString();

    public IReadOnlyList<ReceivedRequest> Received(string hook) => Receiver.For(Path(hook));

    public async Task RestartOperatorAsync()
    {
        await Operator.DisposeAsync();
        Operator = await OperatorUnderTest.StartAsync(Namespace, Logs, _configure);
    }

    public Task<V1Alpha1BuildingBlock> CreateBlockAsync(string name, IDictionary<string, string>? labels = null) =>
        IntegrationEnvironment.Api.For<V1Alpha1BuildingBlock>().CreateAsync(TestBlocks.New(name, Namespace, labels: labels));

    /// <summary>Writes the status the building-block operator writes when maintenance is requested; returns the transition time.</summary>
    public async Task<DateTime> EnterAsync(string block, DateTime? at = null)
    {
        var time = at ?? Rfc3339.ToUtcSeconds(DateTime.UtcNow);
        var current = await IntegrationEnvironment.Api.For<V1Alpha1BuildingBlock>().GetAsync(block, Namespace);
        current.WithMaintenance(true, time, current.Status?.Maintenance?.LastLeftTime);
        await IntegrationEnvironment.Api.For<V1Alpha1BuildingBlock>().UpdateStatusAsync(current);
        return time;
    }

    /// <summary>Writes the status of a released maintenance: a second after the Entered at the earliest, so the two never share a second.</summary>
    public async Task<DateTime> LeaveAsync(string block, DateTime? at = null)
    {
        var current = await IntegrationEnvironment.Api.For<V1Alpha1BuildingBlock>().GetAsync(block, Namespace);
        var entered = current.Status?.Maintenance?.LastEnteredTime;
        var now = Rfc3339.ToUtcSeconds(DateTime.UtcNow);
        var time = at ?? (entered is { } e && Rfc3339.ToUtcSeconds(e) >= now ? Rfc3339.ToUtcSeconds(e).AddSeconds(1) : now);
        current.WithMaintenance(false, entered, time);
        await IntegrationEnvironment.Api.For<V1Alpha1BuildingBlock>().UpdateStatusAsync(current);
        return time;
    }

    /// <summary>Changes the block without changing its maintenance state (a label), which maps to its notifiers.</summary>
    public Task TouchBlockAsync(string block, int value) =>
        RelabelBlockAsync(block, "touched", value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task RelabelBlockAsync(string block, string label, string value)
    {
        var current = await IntegrationEnvironment.Api.For<V1Alpha1BuildingBlock>().GetAsync(block, Namespace);
        current.Metadata.Labels ??= new Dictionary<string, string>();
        current.Metadata.Labels[label] = value;
        await IntegrationEnvironment.Api.For<V1Alpha1BuildingBlock>().UpdateAsync(current);
    }

    public Task<V1Alpha1MaintenanceNotifier> CreateNotifierAsync(string name, WebhookSpec webhook, Action<MaintenanceNotifierSpec>? configure = null)
    {
        var spec = new MaintenanceNotifierSpec { Webhook = webhook };
        configure?.Invoke(spec);
        return IntegrationEnvironment.Api.For<V1Alpha1MaintenanceNotifier>().CreateAsync(new V1Alpha1MaintenanceNotifier
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = spec,
        });
    }

    public async Task<V1Alpha1MaintenanceNotifier> UpdateNotifierAsync(string name, Action<MaintenanceNotifierSpec> change)
    {
        var current = await GetNotifierAsync(name);
        change(current.Spec);
        return await IntegrationEnvironment.Api.For<V1Alpha1MaintenanceNotifier>().UpdateAsync(current);
    }

    public Task<V1Alpha1MaintenanceNotifier> GetNotifierAsync(string name) =>
        IntegrationEnvironment.Api.For<V1Alpha1MaintenanceNotifier>().GetAsync(name, Namespace);

    public Task<V1Secret> CreateSecretAsync(string name, IDictionary<string, string> data) =>
        IntegrationEnvironment.Api.For<V1Secret>().CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Data = data.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value)),
        });

    /// <summary>Waits until the notifier's record of <paramref name="block"/> satisfies <paramref name="condition"/>.</summary>
    public Task<DeliveryRecord> WaitForRecordAsync(string notifier, string block, Func<DeliveryRecord, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(
            async () => (await GetNotifierAsync(notifier)).Status?.Deliveries?.FirstOrDefault(r => r.BuildingBlock == block && condition(r)),
            $"{notifier}'s record of {block} is {what}",
            timeout);

    /// <summary>Waits until the notifier's condition of <paramref name="type"/> has <paramref name="status"/> and <paramref name="reason"/> for its current generation.</summary>
    public Task<V1Alpha1MaintenanceNotifier> WaitForConditionAsync(string notifier, string type, string status, string reason) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                var current = await GetNotifierAsync(notifier);
                var condition = Conditions.Find(current.Status?.Conditions, type);
                return condition?.Status == status && condition.Reason == reason && current.Status?.ObservedGeneration == current.Metadata.Generation ? current : null;
            },
            $"{notifier} has {type}={status} ({reason})");

    public async Task<IReadOnlyList<Eventsv1Event>> EventsAsync() =>
        (await IntegrationEnvironment.Api.For<Eventsv1Event>().ListAsync(Namespace)).Items;

    /// <summary>Waits for an Event of <paramref name="reason"/> about <paramref name="notifier"/>.</summary>
    public Task<Eventsv1Event> WaitForEventAsync(string notifier, string reason) =>
        Eventually.ReturnsAsync(
            async () => (await EventsAsync()).FirstOrDefault(e => e.Regarding?.Name == notifier && e.Reason == reason),
            $"an Event {reason} about {notifier}");

    /// <summary>Fails when any captured log line, Event or notifier status contains one of <paramref name="secrets"/>.</summary>
    public async Task AssertNoSecretLeakedAsync(params string[] secrets)
    {
        var events = (await EventsAsync()).Select(e => $"{e.Reason} {e.Note} {e.Action}").ToList();
        var statuses = (await IntegrationEnvironment.Api.For<V1Alpha1MaintenanceNotifier>().ListAsync(Namespace)).Items
            .Select(n => JsonSerializer.Serialize(n.Status ?? new MaintenanceNotifierStatus(), OpenStackJsonContext.Default.MaintenanceNotifierStatus))
            .ToList();
        Logs.Lines.Should().NotBeEmpty("the operator logs");
        events.Should().NotBeEmpty("the operator records Events");
        foreach (var secret in secrets)
        {
            Logs.Lines.Should().NotContain(line => line.Contains(secret, StringComparison.Ordinal), "no log line may carry a secret");
            events.Should().NotContain(text => text.Contains(secret, StringComparison.Ordinal), "no Event may carry a secret");
            statuses.Should().NotContain(text => text.Contains(secret, StringComparison.Ordinal), "no status may carry a secret");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Operator.DisposeAsync();
        await IntegrationEnvironment.Api.For<V1Namespace>().DeleteAsync(Namespace);
    }
}
