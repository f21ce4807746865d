namespace Operators.LocalApiServer.Patching;

/// <summary>
/// What Kubernetes declares for one field (its <c>patchStrategy</c> and <c>patchMergeKey</c> tags).
/// </summary>
/// <param name="Strategy">How the field is patched.</param>
/// <param name="MergeKey">For a merged list of objects, the member identifying an item; null for a
/// merged list of primitives (a set, such as <c>finalizers</c>).</param>
internal sealed record StrategicPatchRule(PatchStrategy Strategy, string? MergeKey = null)
{
    /// <summary>A list whose items are merged by <paramref name="mergeKey"/>.</summary>
    public static StrategicPatchRule MergeByKey(string mergeKey) => new(PatchStrategy.Merge, mergeKey);

    /// <summary>A list of primitives merged as a set.</summary>
    public static StrategicPatchRule MergeAsSet { get; } = new(PatchStrategy.Merge);

    /// <summary>A field that the patch replaces whole (atomic lists).</summary>
    public static StrategicPatchRule Replace { get; } = new(PatchStrategy.Replace);
}
