namespace Operators.LocalApiServer.Storage;

/// <summary>One page of a list: the items, the list's resourceVersion, and where the next page starts.</summary>
internal sealed record ListPage(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? NextKey, long RemainingItemCount);
