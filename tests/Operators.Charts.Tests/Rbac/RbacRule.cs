using System.Text.Json.Nodes;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Rbac;

/// <summary>One permission, the unit RBAC grants: a verb on a resource (or subresource) of an API group.</summary>
internal sealed record RbacRule(string ApiGroup, string Resource, string Verb)
{
    /// <summary>Expands <c>(groups, resources, verbs)</c> into single permissions.</summary>
    public static IEnumerable<RbacRule> Expand(string apiGroup, string resource, params string[] verbs) =>
        verbs.Select(v => new RbacRule(apiGroup, resource, v));

    /// <summary>Expands every rule of a rendered Role or ClusterRole into single permissions.</summary>
    public static IReadOnlyList<RbacRule> Of(JsonNode role) =>
        role.Items("rules")
            .SelectMany(rule =>
                from g in rule.Strings("apiGroups")
                from r in rule.Strings("resources")
                from v in rule.Strings("verbs")
                select new RbacRule(g, r, v))
            .ToList();

    /// <inheritdoc />
    public override string ToString() => $"{(ApiGroup.Length == 0 ? "core" : ApiGroup)}/{Resource}:{Verb}";
}
