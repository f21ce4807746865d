using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Delivery;
using Operators.Runtime.Cache;
using Operators.Runtime.Controllers;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>
/// The map functions of the controller's watches: a BuildingBlock concerns every notifier of its namespace
/// whose selector matches it; a Secret concerns every notifier of its namespace that refers to it. The
/// maps read the notifier informer's cache, which the reconciler hands over with <see cref="Attach"/> when
/// it is created (before the informers start, so no event is mapped before).
/// </summary>
internal sealed class NotifierLookup
{
    private ISharedInformer<V1Alpha1MaintenanceNotifier>? _notifiers;

    /// <summary>Connects the maps to the notifier cache.</summary>
    /// <param name="notifiers">The notifier informer the controller reconciles from.</param>
    public void Attach(ISharedInformer<V1Alpha1MaintenanceNotifier> notifiers) => _notifiers = notifiers ?? throw new ArgumentNullException(nameof(notifiers));

    /// <summary>The notifiers whose selector matches <paramref name="block"/> (an update maps the old and the new state, so a block that stops matching is seen too).</summary>
    /// <param name="block">The building block.</param>
    /// <returns>Their keys.</returns>
    public IEnumerable<ReconcileRequest> ForBuildingBlock(V1Alpha1BuildingBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return InNamespace(block.Metadata.NamespaceProperty)
            .Where(n => LabelSelectorMatcher.TryCreate(n.Spec.BuildingBlockSelector, out var matcher, out _) && matcher.Matches(block.Metadata.Labels))
            .Select(Key)
            .ToList();
    }

    /// <summary>The notifiers that refer to <paramref name="secret"/> for their URL or signing key.</summary>
    /// <param name="secret">The Secret.</param>
    /// <returns>Their keys.</returns>
    public IEnumerable<ReconcileRequest> ForSecret(V1Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return InNamespace(secret.Metadata.NamespaceProperty)
            .Where(n => WebhookTargetResolver.ReferencedSecrets(n.Spec).Contains(secret.Metadata.Name, StringComparer.Ordinal))
            .Select(Key)
            .ToList();
    }

    private static ReconcileRequest Key(V1Alpha1MaintenanceNotifier notifier) =>
        new(notifier.Metadata.NamespaceProperty ?? string.Empty, notifier.Metadata.Name);

    private IReadOnlyList<V1Alpha1MaintenanceNotifier> InNamespace(string? ns) =>
        _notifiers is null || string.IsNullOrEmpty(ns) ? [] : _notifiers.Indexer.ByIndex(CacheIndexes.Namespace, ns);
}
