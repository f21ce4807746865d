using Microsoft.Extensions.Logging;
using Operators.Api.MaintenanceNotifiers;
using Operators.Runtime.Client;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>
/// The status writes of one reconcile, one at a time (blocks are delivered concurrently, the object is
/// one). Each write starts from the status last stored, applies a change (a delivery record) and the
/// reconcile's <see cref="StatusBase"/>, and is sent only when something changed. A conflict re-reads the
/// object and applies the same change again (changes are idempotent: they set one block's record), so a
/// delivery once POSTed is recorded even when someone else wrote meanwhile.
/// </summary>
internal sealed class StatusSession : IDisposable
{
    private const int MaxConflicts = 5;

    private readonly IResourceClient<V1Alpha1MaintenanceNotifier> _client;
    private readonly StatusBase _base;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Initializes a new instance of the <see cref="StatusSession"/> class.</summary>
    /// <param name="client">The notifier client.</param>
    /// <param name="current">The notifier as last read (live or cached).</param>
    /// <param name="statusBase">What every write sets.</param>
    /// <param name="time">The clock of condition transitions.</param>
    /// <param name="logger">Logs conflicts.</param>
    public StatusSession(IResourceClient<V1Alpha1MaintenanceNotifier> client, V1Alpha1MaintenanceNotifier current, StatusBase statusBase, TimeProvider time, ILogger logger)
    {
        _client = client;
        Current = current;
        _base = statusBase;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the notifier as last stored or read.</summary>
    public V1Alpha1MaintenanceNotifier Current { get; private set; }

    /// <summary>The stored record of a block, or null.</summary>
    /// <param name="buildingBlock">The block's name.</param>
    /// <returns>The record.</returns>
    public DeliveryRecord? Record(string buildingBlock) =>
        Current.Status?.Deliveries?.FirstOrDefault(r => r.BuildingBlock == buildingBlock);

    /// <summary>Writes the status with <paramref name="change"/> applied, when that changes anything.</summary>
    /// <param name="change">The change; null to write only the reconcile's base.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task that completes when the status is stored.</returns>
    public async Task WriteAsync(Action<MaintenanceNotifierStatus>? change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var status = NotifierCopies.Clone(Current.Status);
                change?.Invoke(status);
                NotifierStatusRules.Apply(status, _base, _time.GetUtcNow());
                if (NotifierCopies.SameStatus(status, Current.Status))
                {
                    return;
                }

                try
                {
                    Current = await _client.UpdateStatusAsync(NotifierCopies.WithStatus(Current, status), cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (KubernetesConflictException) when (attempt < MaxConflicts)
                {
                    Log.StatusConflict(_logger, attempt);
                    Current = await _client.GetAsync(Current.Metadata.Name, Current.Metadata.NamespaceProperty, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
