using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Authorization;

/// <summary>The 403 Status kube-apiserver answers for a denied request (<c>responsewriters.Forbidden</c>, <c>apierrors.NewForbidden</c>).</summary>
internal static class Forbidden
{
    /// <summary>
    /// The error, e.g. <c>novaagents.openstack.operators.dev is forbidden: User "system:serviceaccount:ns:sa" cannot list resource
    /// "novaagents" in API group "openstack.operators.dev" in the namespace "x"</c>, followed by <c>: reason</c> when there is one.
    /// </summary>
    public static ApiException Error(RequestAttributes request, string reason)
    {
        var message = Message(request) + (reason.Length > 0 ? ": " + reason : "");
        if (!request.IsResourceRequest)
        {
            return new ApiException(403, "Forbidden", "forbidden: " + message);
        }

        var qualified = request.ApiGroup.Length == 0 ? request.Resource : request.Resource + "." + request.ApiGroup;
        var full = request.Name.Length == 0
            ? $"{qualified} is forbidden: {message}"
            : $"{qualified} {GoQuote.Quote(request.Name)} is forbidden: {message}";
        return new ApiException(403, "Forbidden", full,
            new StatusDetails { Name = request.Name, Group = request.ApiGroup, Kind = request.Resource });
    }

    /// <summary>The part after <c>is forbidden: </c>, as kube's <c>forbiddenMessage</c>.</summary>
    public static string Message(RequestAttributes request)
    {
        var user = GoQuote.Quote(request.User);
        if (!request.IsResourceRequest)
        {
            return $"User {user} cannot {request.Verb} path {GoQuote.Quote(request.Path)}";
        }

        var what = $"User {user} cannot {request.Verb} resource {GoQuote.Quote(request.CombinedResource)} in API group {GoQuote.Quote(request.ApiGroup)}";
        return request.Namespace.Length > 0
            ? $"{what} in the namespace {GoQuote.Quote(request.Namespace)}"
            : $"{what} at the cluster scope";
    }
}
