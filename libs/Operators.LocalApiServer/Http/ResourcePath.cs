namespace Operators.LocalApiServer.Http;

/// <summary>
/// A request path under <c>/api/v1</c> or <c>/apis/{group}/{version}</c> that names a
/// resource: <c>[namespaces/{ns}/]{plural}[/{name}[/{subresource}]]</c>.
/// </summary>
internal sealed record ResourcePath(string Group, string Version, string? Namespace, string Plural, string? Name, string Subresource)
{
    /// <summary>
    /// Parses the segments after the group-version prefix. Returns null for a path that is not a
    /// resource path at all.
    /// </summary>
    public static ResourcePath? Parse(string group, string version, IReadOnlyList<string> rest)
    {
        if (rest.Count == 0)
        {
            return null;
        }

        // /namespaces/{ns}/{plural}/... is a namespaced resource, unless it is a namespace's own subresource.
        if (rest[0] == "namespaces" && rest.Count >= 3 && !(group.Length == 0 && rest.Count == 3 && rest[2] is "status" or "finalize"))
        {
            return rest.Count switch
            {
                3 => new ResourcePath(group, version, rest[1], rest[2], null, ""),
                4 => new ResourcePath(group, version, rest[1], rest[2], rest[3], ""),
                5 => new ResourcePath(group, version, rest[1], rest[2], rest[3], rest[4]),
                _ => null,
            };
        }

        return rest.Count switch
        {
            1 => new ResourcePath(group, version, null, rest[0], null, ""),
            2 => new ResourcePath(group, version, null, rest[0], rest[1], ""),
            3 => new ResourcePath(group, version, null, rest[0], rest[1], rest[2]),
            _ => null,
        };
    }

    /// <summary>The resource as fault rules and counters name it: <c>plural</c> or <c>plural/subresource</c>.</summary>
    public string ResourceName => Subresource.Length == 0 ? Plural : Plural + "/" + Subresource;
}
