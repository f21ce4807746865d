using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Delivery;
using Operators.MaintenanceNotifier.Transitions;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.Events;
using Operators.Runtime.Hosting;
using Operators.Runtime.Objects;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>
/// Reconciles one MaintenanceNotifier:
/// <list type="number">
/// <item>read it, its selected BuildingBlocks and its Secrets from the informer caches; resolve the webhook;</item>
/// <item>derive each block's transitions and plan its next step (<see cref="DeliveryPlanner"/>);</item>
/// <item>when a step sends or records anything, read the notifier live first, so that a cache that has not
/// seen our last status write never causes a second POST, and plan again from that;</item>
/// <item>write the outcomes of earlier attempts whose status write failed (<see cref="UnrecordedAttempts"/>)
/// before anything is sent, so that an API outage between a POST and its record never sends it twice;</item>
/// <item>deliver each block's due transitions (<see cref="BlockDeliverer"/>), blocks concurrently, each POST
/// recorded in status before the block's next one is sent;</item>
/// <item>write the remaining status (conditions, matched blocks) only when it changed, and come back when
/// the earliest retry is due.</item>
/// </list>
/// A steady state sends nothing and writes nothing.
/// </summary>
internal sealed class MaintenanceNotifierReconciler : IReconciler
{
    private readonly ISharedInformer<V1Alpha1MaintenanceNotifier> _notifiers;
    private readonly ISharedInformer<V1Alpha1BuildingBlock> _blocks;
    private readonly ISharedInformer<V1Secret> _secrets;
    private readonly IResourceClient<V1Alpha1MaintenanceNotifier> _client;
    private readonly BlockDeliverer _deliverer;
    private readonly UnrecordedAttempts _unrecorded = new();
    private readonly IEventRecorder _events;
    private readonly TimeProvider _time;
    private readonly ILogger<MaintenanceNotifierReconciler> _logger;

    /// <summary>Initializes a new instance of the <see cref="MaintenanceNotifierReconciler"/> class and attaches the watch maps to its cache.</summary>
    /// <param name="informers">The shared informers.</param>
    /// <param name="options">The operator's options (the watched namespace).</param>
    /// <param name="lookup">The watch maps, attached here to the notifier cache.</param>
    /// <param name="api">The API client.</param>
    /// <param name="sender">Makes delivery attempts.</param>
    /// <param name="metrics">Counts outcomes.</param>
    /// <param name="events">Records Kubernetes Events.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public MaintenanceNotifierReconciler(
        SharedInformerFactory informers,
        IOptions<OperatorOptions> options,
        NotifierLookup lookup,
        KubeApiClient api,
        WebhookSender sender,
        DeliveryMetrics metrics,
        IEventRecorder events,
        TimeProvider time,
        ILogger<MaintenanceNotifierReconciler> logger)
    {
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(api);
        var ns = options.Value.Namespace is { Length: > 0 } watched ? watched : null;
        _notifiers = informers.GetInformer<V1Alpha1MaintenanceNotifier>(ns);
        _blocks = informers.GetInformer<V1Alpha1BuildingBlock>(ns);
        _secrets = informers.GetInformer<V1Secret>(ns);
        _client = api.For<V1Alpha1MaintenanceNotifier>();
        _events = events;
        _time = time;
        _logger = logger;
        _deliverer = new BlockDeliverer(sender, _unrecorded, metrics, events, time, logger);
        lookup.Attach(_notifiers);
    }

    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var key = CacheKey.Of(request.Namespace, request.Name);
        var cached = _notifiers.Indexer.GetByKey(key);
        if (cached is null)
        {
            _unrecorded.Of(key, null);
            return ReconcileResult.Done;
        }

        var plan = Plan(cached);
        if (plan.HasWork || _unrecorded.Of(key, cached.Metadata.Uid).Count > 0)
        {
            try
            {
                plan = Plan(await _client.GetAsync(request.Name, request.Namespace, cancellationToken).ConfigureAwait(false));
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                _unrecorded.Of(key, null);
                return ReconcileResult.Done;
            }
        }

        ReportReadyChange(plan);
        using var session = new StatusSession(_client, plan.Notifier, plan.Base, _time, _logger);
        await RecordUnrecordedAsync(key, session, cancellationToken).ConfigureAwait(false);
        var retries = await Task.WhenAll(plan.Blocks.Select(block => _deliverer.RunAsync(plan, block, session, cancellationToken))).ConfigureAwait(false);
        await session.WriteAsync(null, cancellationToken).ConfigureAwait(false);

        if (plan.Resolution.Target is null && !plan.Suspended)
        {
            return ReconcileResult.Done;
        }

        var earliest = retries.Where(r => r is not null).Min();
        if (earliest is not { } due)
        {
            return ReconcileResult.Done;
        }

        var wait = due - _time.GetUtcNow().UtcDateTime;
        return ReconcileResult.After(wait > TimeSpan.FromMilliseconds(50) ? wait : TimeSpan.FromMilliseconds(50));
    }

    /// <summary>Writes the held outcomes of earlier attempts that are newer than what is stored; forgets the others.</summary>
    private async Task RecordUnrecordedAsync(string key, StatusSession session, CancellationToken cancellationToken)
    {
        foreach (var record in _unrecorded.Of(key, session.Current.Metadata.Uid))
        {
            if (UnrecordedAttempts.IsNewer(record, session.Record(record.BuildingBlock)))
            {
                Log.RecordingLate(_logger, record.Event ?? string.Empty, record.BuildingBlock, record.EventId ?? string.Empty, record.Phase ?? string.Empty);
                await session.WriteAsync(s => NotifierStatusRules.RecordAttempt(s, record), cancellationToken).ConfigureAwait(false);
            }

            _unrecorded.Release(key, record);
        }
    }

    /// <summary>Reads everything a reconcile needs from the caches and plans each block's next step.</summary>
    private NotifierPlan Plan(V1Alpha1MaintenanceNotifier notifier)
    {
        var now = _time.GetUtcNow();
        var ns = notifier.Metadata.NamespaceProperty ?? string.Empty;
        var spec = notifier.Spec ?? new MaintenanceNotifierSpec();
        var suspended = spec.Suspend == true;
        var resolution = LabelSelectorMatcher.TryCreate(spec.BuildingBlockSelector, out var matcher, out var selectorError)
            ? WebhookTargetResolver.Resolve(spec, name => _secrets.Indexer.GetByKey(CacheKey.Of(ns, name)))
            : TargetResolution.Failed(MaintenanceNotifierConditions.InvalidSpec, selectorError!);
        var selectorValid = selectorError is null;
        var blocks = selectorValid
            ? _blocks.Indexer.ByIndex(CacheIndexes.Namespace, ns).Where(b => matcher.Matches(b.Metadata.Labels)).OrderBy(b => b.Metadata.Name, StringComparer.Ordinal).ToList()
            : [];

        var uid = notifier.Metadata.Uid ?? string.Empty;
        var creation = notifier.Metadata.CreationTimestamp ?? DateTime.MinValue;
        var plans = blocks.Select(block =>
        {
            var transitions = TransitionDeriver.Derive(block, uid, creation, spec.Events);
            var record = notifier.Status?.Deliveries?.FirstOrDefault(r => r.BuildingBlock == block.Metadata.Name);
            var belongs = record is not null && DeliveryPlanner.Belongs(record, uid, block.Metadata.Uid ?? string.Empty);
            return new BlockPlan(block, transitions, DeliveryPlanner.Next(transitions, belongs ? record : null, now));
        }).ToList();

        var ready = Ready(resolution, suspended, blocks.Count, spec);
        var matched = selectorValid ? blocks.Select(b => b.Metadata.Name).ToHashSet(StringComparer.Ordinal) : null;
        return new NotifierPlan(notifier, resolution, suspended, plans, new StatusBase(notifier.Metadata.Generation, matched, ready));
    }

    private static ReadyState Ready(TargetResolution resolution, bool suspended, int blocks, MaintenanceNotifierSpec spec)
    {
        if (resolution is { Target: null, Reason: MaintenanceNotifierConditions.InvalidSpec })
        {
            return new ReadyState(ConditionStatus.False, MaintenanceNotifierConditions.InvalidSpec, resolution.Message!);
        }

        if (suspended)
        {
            return new ReadyState(ConditionStatus.False, MaintenanceNotifierConditions.Suspended,
                "Suspended: transitions are recorded as Skipped and never sent later");
        }

        if (resolution.Target is not { } target)
        {
            return new ReadyState(ConditionStatus.False, resolution.Reason!, resolution.Message!);
        }

        var events = string.Join(", ", spec.Events is { Count: > 0 } list ? list : TransitionDeriver.DefaultEvents);
        return new ReadyState(ConditionStatus.True, MaintenanceNotifierConditions.Subscribed,
            $"Delivering {events} of {blocks} building block(s) as {target.Format} to {target.Description}");
    }

    /// <summary>A Warning Event and a log line when <c>Ready</c> turns to <c>InvalidSpec</c> or <c>SecretNotFound</c> (or its message changes).</summary>
    private void ReportReadyChange(NotifierPlan plan)
    {
        var ready = plan.Base.Ready;
        if (ready.Reason is not (MaintenanceNotifierConditions.InvalidSpec or MaintenanceNotifierConditions.SecretNotFound))
        {
            return;
        }

        var previous = Conditions.Find(plan.Notifier.Status?.Conditions, MaintenanceNotifierConditions.Ready);
        if (previous?.Reason == ready.Reason && previous.Message == ready.Message)
        {
            return;
        }

        Log.WebhookUnusable(_logger, ready.Reason, ready.Message);
        _events.Event(plan.Notifier, EventType.Warning, ready.Reason, ready.Message);
    }
}
