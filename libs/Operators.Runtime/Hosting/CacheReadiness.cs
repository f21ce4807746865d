namespace Operators.Runtime.Hosting;

/// <summary>Whether the informers' caches have synced: what <c>/readyz</c> reports.</summary>
internal sealed class CacheReadiness
{
    private volatile bool _synced;

    /// <summary>Gets a value indicating whether every informer has synced.</summary>
    public bool IsSynced => _synced;

    /// <summary>Records that every informer has synced.</summary>
    public void MarkSynced() => _synced = true;
}
