namespace Operators.LocalApiServer.Authorization;

/// <summary>
/// What an authorizer decides on, as kube-apiserver's <c>authorizer.Attributes</c>: the user, the verb, and
/// either the resource (group, resource, subresource, namespace, name) or the path of a non-resource request.
/// </summary>
/// <param name="User">The user name.</param>
/// <param name="Groups">The user's groups.</param>
/// <param name="Verb">A Kubernetes verb for a resource request, the lower-case HTTP method otherwise.</param>
/// <param name="IsResourceRequest">Whether the request addresses a resource.</param>
/// <param name="ApiGroup">The API group; empty for the core group.</param>
/// <param name="Resource">The resource plural.</param>
/// <param name="Subresource">The subresource, or empty.</param>
/// <param name="Namespace">The namespace, or empty at the cluster scope.</param>
/// <param name="Name">The object name, or empty.</param>
/// <param name="Path">The request path.</param>
internal sealed record RequestAttributes(
    string User,
    IReadOnlyList<string> Groups,
    string Verb,
    bool IsResourceRequest,
    string ApiGroup,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    string Path)
{
    /// <summary>The resource with its subresource, e.g. <c>novaagents/status</c>.</summary>
    public string CombinedResource => Subresource.Length == 0 ? Resource : Resource + "/" + Subresource;
}
