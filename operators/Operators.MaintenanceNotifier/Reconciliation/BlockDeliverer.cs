using System.Globalization;
using Microsoft.Extensions.Logging;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Delivery;
using Operators.MaintenanceNotifier.Transitions;
using Operators.Runtime.Cache;
using Operators.Runtime.Events;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>
/// Works through one building block's due transitions, oldest first, one step at a time:
/// <list type="number">
/// <item>plan the next step from the record last stored;</item>
/// <item>suspended: record the transition <c>Skipped</c> (never sent later); superseded: close the record <c>Skipped</c>;</item>
/// <item>no usable webhook: record it <c>Pending</c> and stop (the Secret watch brings the key back);</item>
/// <item>otherwise make one attempt, then record its outcome (<c>Delivered</c>, <c>Retrying</c> with
/// <c>nextAttemptTime</c>, or <c>Failed</c>) before anything else of this block is sent; the outcome is held in
/// <see cref="UnrecordedAttempts"/> until its write lands;</item>
/// <item>stop at a retry that is not due yet and return its time, for the work queue.</item>
/// </list>
/// </summary>
internal sealed class BlockDeliverer(
    WebhookSender sender, UnrecordedAttempts unrecorded, DeliveryMetrics metrics, IEventRecorder events, TimeProvider time, ILogger logger)
{
    /// <summary>More steps than a block can need (two transitions, each possibly superseded or skipped): a guard, not a limit.</summary>
    private const int MaxSteps = 8;

    /// <summary>Delivers what is due for <paramref name="block"/>.</summary>
    /// <param name="plan">The reconcile's plan.</param>
    /// <param name="block">The block.</param>
    /// <param name="session">The status writes.</param>
    /// <param name="cancellationToken">Cancelled on shutdown.</param>
    /// <returns>When the block's next retry is due; null when nothing waits.</returns>
    public async Task<DateTime?> RunAsync(NotifierPlan plan, BlockPlan block, StatusSession session, CancellationToken cancellationToken)
    {
        var name = block.Block.Metadata.Name;
        var notifierUid = plan.Notifier.Metadata.Uid ?? string.Empty;
        var blockUid = block.Block.Metadata.Uid ?? string.Empty;
        var maxAttempts = plan.Notifier.Spec.Retry?.MaxAttempts ?? RetrySpec.DefaultMaxAttempts;
        for (var i = 0; i < MaxSteps; i++)
        {
            var record = session.Record(name);
            var belongs = record is not null && DeliveryPlanner.Belongs(record, notifierUid, blockUid);
            var step = DeliveryPlanner.Next(block.Transitions, belongs ? record : null, time.GetUtcNow());
            if (plan.Suspended && step.Kind == DeliveryStepKind.Waiting)
            {
                step = step with { Kind = DeliveryStepKind.Due };
            }

            switch (step.Kind)
            {
                case DeliveryStepKind.Waiting:
                    return step.NotBefore;
                case DeliveryStepKind.Supersede:
                    await SkipAsync(plan, session, name, Closed(record!), "superseded: a later maintenance cycle started, or the event type is no longer subscribed", cancellationToken);
                    continue;
                case DeliveryStepKind.Due when plan.Suspended:
                    var skipped = New(name, step.Transition!);
                    skipped.Attempts = step.AttemptsSoFar;
                    await SkipAsync(plan, session, name, skipped, "the subscription is suspended", cancellationToken);
                    continue;
                case DeliveryStepKind.Due when plan.Resolution.Target is null:
                    if (step.AttemptsSoFar == 0 && !(record?.Phase == DeliveryPhases.Pending && record.EventId == step.Transition!.EventId))
                    {
                        var pending = New(name, step.Transition!);
                        pending.Phase = DeliveryPhases.Pending;
                        pending.Message = "waiting for a usable webhook: " + plan.Resolution.Message;
                        await session.WriteAsync(s => NotifierStatusRules.SetRecord(s, pending), cancellationToken);
                    }

                    return null;
                case DeliveryStepKind.Due:
                    if (await AttemptAsync(plan, block, step, plan.Resolution.Target, maxAttempts, session, cancellationToken) is { } retryAt)
                    {
                        return retryAt;
                    }

                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>One POST and its record; returns the next attempt's time when it will be retried.</summary>
    private async Task<DateTime?> AttemptAsync(
        NotifierPlan plan, BlockPlan block, DeliveryStep step, WebhookTarget target, int maxAttempts, StatusSession session, CancellationToken cancellationToken)
    {
        var transition = step.Transition!;
        var name = block.Block.Metadata.Name;
        var message = WebhookPayloads.Build(target.Format, plan.Notifier.Metadata.Name, block.Block, transition);
        var started = Rfc3339.ToUtcSeconds(time.GetUtcNow());
        var outcome = await sender.SendAsync(target, message, cancellationToken);
        var ended = time.GetUtcNow();
        var attempts = step.AttemptsSoFar + 1;
        var record = New(name, transition);
        record.Attempts = attempts;
        record.LastAttemptTime = started;
        record.ResponseCode = outcome.StatusCode;
        var subject = $"{transition.Event} of building block {name} ({transition.EventId})";

        if (outcome.Result == AttemptResult.Delivered)
        {
            record.Phase = DeliveryPhases.Delivered;
            record.DeliveredTime = Rfc3339.ToUtcSeconds(ended);
            record.Message = "delivered: " + outcome.Message;
            metrics.Delivered();
            await RecordAsync(plan, session, record, cancellationToken);
            Log.Delivered(logger, transition.Event, name, transition.EventId, target.Description, attempts, outcome.Message);
            events.Event(plan.Notifier, EventType.Normal, NotifierEventReasons.Delivered,
                string.Create(CultureInfo.InvariantCulture, $"Delivered {subject} to {target.Description} on attempt {attempts}: {outcome.Message}"));
            return null;
        }

        if (outcome.Result == AttemptResult.Retryable && attempts < maxAttempts)
        {
            var backoff = RetryBackoff.Delay(attempts, plan.Notifier.Spec.Retry, Random.Shared.NextDouble());
            var next = RetryBackoff.NextAttempt(ended, backoff, outcome.RetryAfter);
            record.Phase = DeliveryPhases.Retrying;
            record.NextAttemptTime = next;
            record.Message = string.Create(CultureInfo.InvariantCulture, $"attempt {attempts} of {maxAttempts} failed: {outcome.Message}");
            metrics.Retried();
            await RecordAsync(plan, session, record, cancellationToken);
            Log.Retrying(logger, attempts, maxAttempts, transition.Event, name, transition.EventId, target.Description, outcome.Message, Rfc3339.ToText(next));
            events.Event(plan.Notifier, EventType.Warning, NotifierEventReasons.DeliveryRetrying,
                string.Create(CultureInfo.InvariantCulture, $"Attempt {attempts} of {maxAttempts} to deliver {subject} to {target.Description} failed: {outcome.Message}; next attempt at {Rfc3339.ToText(next)}"));
            return next;
        }

        record.Phase = DeliveryPhases.Failed;
        record.Message = outcome.Result == AttemptResult.Retryable
            ? string.Create(CultureInfo.InvariantCulture, $"gave up after {attempts} attempt(s): {outcome.Message}")
            : "failed: " + outcome.Message;
        metrics.Failed();
        await RecordAsync(plan, session, record, cancellationToken);
        if (outcome.Result == AttemptResult.Gone)
        {
            Log.EndpointGone(logger, target.Description, transition.Event, name, transition.EventId);
            events.Event(plan.Notifier, EventType.Warning, NotifierEventReasons.EndpointGone,
                $"{target.Description} answered 410 Gone for {subject}; the notification is given up");
        }
        else
        {
            Log.Failed(logger, transition.Event, name, transition.EventId, target.Description, attempts, outcome.Message);
            events.Event(plan.Notifier, EventType.Warning, NotifierEventReasons.DeliveryFailed,
                string.Create(CultureInfo.InvariantCulture, $"Gave up delivering {subject} to {target.Description} after {attempts} attempt(s): {outcome.Message}"));
        }

        return null;
    }

    /// <summary>Writes an attempt's record, held in memory until the write lands (a failed write is retried by the next reconcile, never the POST).</summary>
    private async Task RecordAsync(NotifierPlan plan, StatusSession session, DeliveryRecord record, CancellationToken cancellationToken)
    {
        var notifier = CacheKey.For(plan.Notifier);
        unrecorded.Hold(notifier, plan.Notifier.Metadata.Uid ?? string.Empty, record);
        await session.WriteAsync(s => NotifierStatusRules.RecordAttempt(s, record), cancellationToken);
        unrecorded.Release(notifier, record);
    }

    private async Task SkipAsync(NotifierPlan plan, StatusSession session, string name, DeliveryRecord record, string why, CancellationToken cancellationToken)
    {
        record.Phase = DeliveryPhases.Skipped;
        record.NextAttemptTime = null;
        record.Message = "skipped: " + why;
        metrics.Skipped();
        await session.WriteAsync(s => NotifierStatusRules.SetRecord(s, record), cancellationToken);
        Log.Skipped(logger, record.Event ?? string.Empty, name, record.EventId ?? string.Empty, why);
        events.Event(plan.Notifier, EventType.Normal, NotifierEventReasons.DeliverySkipped,
            $"Skipped {record.Event} of building block {name} ({record.EventId}): {why}");
    }

    private static DeliveryRecord New(string name, MaintenanceTransition transition) => new()
    {
        BuildingBlock = name,
        Event = transition.Event,
        EventId = transition.EventId,
        TransitionTime = transition.Time,
        Attempts = 0,
    };

    private static DeliveryRecord Closed(DeliveryRecord record) => new()
    {
        BuildingBlock = record.BuildingBlock,
        Event = record.Event,
        EventId = record.EventId,
        TransitionTime = record.TransitionTime,
        Attempts = record.Attempts,
        LastAttemptTime = record.LastAttemptTime,
        ResponseCode = record.ResponseCode,
    };
}
