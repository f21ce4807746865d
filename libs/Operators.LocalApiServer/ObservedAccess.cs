namespace Operators.LocalApiServer;

/// <summary>One kind of request a client made, in RBAC terms: what a Role or ClusterRole rule must allow for it.</summary>
/// <param name="Verb">The RBAC verb (<c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>, <c>update</c>, <c>patch</c>, <c>delete</c>, <c>deletecollection</c>).</param>
/// <param name="ApiGroup">The API group; empty for the core group.</param>
/// <param name="Resource">The resource, with <c>/subresource</c> when one was addressed (e.g. <c>novaagents/status</c>).</param>
/// <param name="Namespaced">Whether the request named a namespace (a Role can allow it) or spanned the cluster (only a ClusterRole can).</param>
public sealed record ObservedAccess(string Verb, string ApiGroup, string Resource, bool Namespaced);
