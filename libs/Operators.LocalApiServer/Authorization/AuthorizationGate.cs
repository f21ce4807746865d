using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Http;

namespace Operators.LocalApiServer.Authorization;

/// <summary>
/// Authentication by static bearer tokens and, when <see cref="LocalApiServerOptions.EnforceRbac"/> is on, authorization
/// by <see cref="RbacAuthorizer"/>: a refused request fails with kube's 403 Status and is recorded in the
/// <see cref="DenialLog"/>. Without tokens every request is <c>system:anonymous</c>; without enforcement every
/// authenticated request is allowed, as before.
/// </summary>
internal sealed class AuthorizationGate(LocalApiServerOptions options, RbacAuthorizer authorizer, DenialLog denials)
{
    private const string Bearer = "Bearer ";
    private static readonly TokenUser Anonymous = new("system:anonymous", ["system:unauthenticated"]);

    /// <summary>The user of a request, with its derived groups.</summary>
    /// <exception cref="ApiException">401 when tokens are configured and the request has none of them.</exception>
    public TokenUser Authenticate(HttpRequest request)
    {
        if (options.Tokens.Count == 0 && options.BearerTokens.Count == 0)
        {
            return Anonymous;
        }

        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith(Bearer, StringComparison.Ordinal) ? header[Bearer.Length..].Trim() : null;
        var user = token is null ? null
            : options.Tokens.TryGetValue(token, out var known) ? known
            : options.BearerTokens.TryGetValue(token, out var name) ? new TokenUser(name, [])
            : null;
        return user is null
            ? throw new ApiException(401, "Unauthorized", "Unauthorized")
            : user with { Groups = ServiceAccountUsers.GroupsOf(user) };
    }

    /// <summary>Authorizes a request for a resource.</summary>
    /// <exception cref="ApiException">403 when RBAC is enforced and no rule allows it.</exception>
    public void AuthorizeResource(TokenUser user, string verb, ResourcePath path, HttpRequest request)
    {
        if (!options.EnforceRbac)
        {
            return;
        }

        var name = path.Name ?? (verb is "list" or "watch" ? NameFromFieldSelector(request.Query["fieldSelector"].ToString()) : "");
        // kube-apiserver: /api/v1/namespaces/{name} is in the namespace {name}.
        var ns = path is { Group: "", Plural: "namespaces", Name: { } own } ? own : path.Namespace ?? "";
        Check(new RequestAttributes(user.Name, user.Groups, verb, true, path.Group, path.Plural, path.Subresource, ns, name, request.Path.Value ?? "/"));
    }

    /// <summary>Authorizes a request for a path that is not a resource (discovery, OpenAPI, version).</summary>
    /// <exception cref="ApiException">403 when RBAC is enforced and no rule allows it.</exception>
    public void AuthorizeNonResource(TokenUser user, HttpRequest request)
    {
        if (options.EnforceRbac)
        {
            Check(new RequestAttributes(user.Name, user.Groups, request.Method.ToLowerInvariant(), false, "", "", "", "", "", request.Path.Value ?? "/"));
        }
    }

    private void Check(RequestAttributes request)
    {
        if (authorizer.Deny(request) is not { } reason)
        {
            return;
        }

        var error = Forbidden.Error(request, reason);
        denials.Add(new Denial(options.TimeProvider.GetUtcNow(), request.User, request.Verb, request.ApiGroup,
            request.IsResourceRequest ? request.CombinedResource : request.Path, request.Namespace, request.Name, error.Message));
        throw error;
    }

    /// <summary>As kube-apiserver, a list or watch whose field selector requires <c>metadata.name</c> is about that name.</summary>
    private static string NameFromFieldSelector(string selector)
    {
        foreach (var term in selector.Split(',', StringSplitOptions.TrimEntries))
        {
            foreach (var prefix in (string[])["metadata.name==", "metadata.name="])
            {
                if (term.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return term[prefix.Length..];
                }
            }
        }

        return "";
    }
}
