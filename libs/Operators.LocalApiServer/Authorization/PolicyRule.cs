using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Authorization;

/// <summary>
/// One rule of a Role or ClusterRole, matched as kube's RBAC authorizer matches it (<c>RuleAllows</c>):
/// verbs, API groups and resources with <c>*</c>, <c>*/subresource</c>, resource names (empty: any), and
/// non-resource URLs (exact, or a prefix ending in <c>*</c>).
/// </summary>
internal sealed class PolicyRule
{
    private const string All = "*";

    private PolicyRule(string[] verbs, string[] apiGroups, string[] resources, string[] resourceNames, string[] nonResourceUrls)
    {
        Verbs = verbs;
        ApiGroups = apiGroups;
        Resources = resources;
        ResourceNames = resourceNames;
        NonResourceUrls = nonResourceUrls;
    }

    /// <summary>The verbs.</summary>
    public IReadOnlyList<string> Verbs { get; }

    /// <summary>The API groups.</summary>
    public IReadOnlyList<string> ApiGroups { get; }

    /// <summary>The resources, with <c>/subresource</c> where given.</summary>
    public IReadOnlyList<string> Resources { get; }

    /// <summary>The resource names; empty allows any.</summary>
    public IReadOnlyList<string> ResourceNames { get; }

    /// <summary>The non-resource URLs.</summary>
    public IReadOnlyList<string> NonResourceUrls { get; }

    /// <summary>Reads the <c>rules</c> of a stored Role or ClusterRole; malformed entries are skipped.</summary>
    public static IReadOnlyList<PolicyRule> ParseAll(JsonObject role) =>
        role["rules"] is JsonArray rules
            ? [.. rules.OfType<JsonObject>().Select(r => new PolicyRule(
                Strings(r, "verbs"), Strings(r, "apiGroups"), Strings(r, "resources"), Strings(r, "resourceNames"), Strings(r, "nonResourceURLs")))]
            : [];

    /// <summary>Whether this rule allows the request.</summary>
    public bool Allows(RequestAttributes request)
    {
        if (!Matches(Verbs, request.Verb))
        {
            return false;
        }

        if (!request.IsResourceRequest)
        {
            return NonResourceUrls.Any(u => u == All || u == request.Path || (u.EndsWith('*') && request.Path.StartsWith(u[..^1], StringComparison.Ordinal)));
        }

        return Matches(ApiGroups, request.ApiGroup)
            && ResourceMatches(request.CombinedResource, request.Subresource)
            && (ResourceNames.Count == 0 || ResourceNames.Contains(request.Name, StringComparer.Ordinal));
    }

    private bool ResourceMatches(string combined, string subresource) =>
        Resources.Any(r => r == All || r == combined
            || (subresource.Length > 0 && r.Length == subresource.Length + 2 && r.StartsWith("*/", StringComparison.Ordinal) && r.EndsWith(subresource, StringComparison.Ordinal)));

    private static bool Matches(IReadOnlyList<string> allowed, string value) => allowed.Any(a => a == All || a == value);

    private static string[] Strings(JsonObject rule, string key) =>
        rule[key] is JsonArray values ? [.. values.Select(v => v is JsonValue s && s.TryGetValue<string>(out var text) ? text : null).OfType<string>()] : [];
}
