namespace Operators.Runtime.Client;

/// <summary>One page of a list: the items and the list's metadata.</summary>
/// <typeparam name="T">The resource type.</typeparam>
/// <param name="Items">The objects of this page.</param>
/// <param name="ResourceVersion">The resourceVersion of the list; watch from here to see later changes.</param>
/// <param name="Continue">The token for the next page, or null on the last page.</param>
/// <param name="RemainingItemCount">The server's estimate of the items after this page, when it sends one.</param>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string? ResourceVersion, string? Continue, long? RemainingItemCount);
