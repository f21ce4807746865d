using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Cache;
using Operators.Runtime.Controllers;

namespace Operators.BuildingBlock;

/// <summary>
/// Finds the blocks that list a host, through an index of the BuildingBlock cache keyed
/// <c>namespace/host</c>. It backs the controller's <c>Watches&lt;NovaAgent&gt;</c>: a change or delete of
/// any NovaAgent, including one the block does not control, re-triggers every block of its namespace that
/// lists its name, so a <c>HostConflict</c> resolves by itself once the foreign agent is gone.
/// </summary>
/// <remarks>
/// Two steps, because the controller's map functions are made before the host's services exist:
/// the instance is created with the registration, and <see cref="Attach"/> is called with the
/// BuildingBlock cache when the reconciler is built, before any informer runs.
/// </remarks>
internal sealed class BuildingBlockHostIndex
{
    /// <summary>The name of the index on the BuildingBlock cache.</summary>
    public const string IndexName = "building-block-host";

    private IIndexer<V1Alpha1BuildingBlock>? _blocks;

    /// <summary>The index values of a block: <c>namespace/host</c> for each listed host.</summary>
    /// <param name="block">The block.</param>
    /// <returns>One key per distinct host name.</returns>
    public static IEnumerable<string> HostKeys(V1Alpha1BuildingBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return (block.Spec?.Hosts ?? [])
            .Where(h => !string.IsNullOrEmpty(h?.Name))
            .Select(h => CacheKey.Of(block.Metadata.NamespaceProperty, h.Name))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>Adds the index to the BuildingBlock cache (once).</summary>
    /// <param name="blocks">The cache of the informer the controller watches.</param>
    public void Attach(IIndexer<V1Alpha1BuildingBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (Interlocked.CompareExchange(ref _blocks, blocks, null) is null)
        {
            blocks.AddIndex(IndexName, HostKeys);
        }
    }

    /// <summary>The keys of the blocks in <paramref name="agent"/>'s namespace that list its name as a host.</summary>
    /// <param name="agent">A NovaAgent that changed.</param>
    /// <returns>The blocks to reconcile; none before <see cref="Attach"/>.</returns>
    public IEnumerable<ReconcileRequest> BlocksListing(V1Alpha1NovaAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var blocks = Volatile.Read(ref _blocks);
        if (blocks is null)
        {
            return [];
        }

        return blocks.ByIndex(IndexName, CacheKey.For(agent))
            .Select(b => new ReconcileRequest(b.Metadata.NamespaceProperty ?? "", b.Metadata.Name))
            .ToList();
    }
}
