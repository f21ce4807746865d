namespace Operators.LocalApiServer.BuiltIns;

/// <summary>The <c>metadata.name</c> rules of the built-in kinds.</summary>
internal static class NameRules
{
    /// <summary>A DNS-1123 subdomain: ConfigMaps, Secrets, Deployments, Leases, events.k8s.io Events.</summary>
    public static readonly NameValidator DnsSubdomain =
        (name, prefix) => ContentRules.Dns1123Subdomain(prefix ? MaskTrailingDash(name) : name);

    /// <summary>A DNS-1123 label: Namespaces, and Services (kube-apiserver v1.36 relaxed them from DNS-1035).</summary>
    public static readonly NameValidator DnsLabel =
        (name, prefix) => ContentRules.Dns1123Label(prefix ? MaskTrailingDash(name) : name);

    /// <summary>Only what a URL path segment forbids: core/v1 Events and any kind without its own rule.</summary>
    public static readonly NameValidator PathSegment = (name, prefix) =>
    {
        if (!prefix && name is "." or "..")
        {
            return [$"may not be '{name}'"];
        }

        var errors = new List<string>();
        foreach (var forbidden in new[] { "/", "%" })
        {
            if (name.Contains(forbidden, StringComparison.Ordinal))
            {
                errors.Add($"may not contain '{forbidden}'");
            }
        }

        return errors;
    };

    // A generateName ends where random characters are appended, so a trailing '-' is allowed;
    // kube-apiserver replaces the last two characters by "a" before checking the prefix.
    private static string MaskTrailingDash(string name) =>
        name.Length > 1 && name.EndsWith('-') ? name[..^2] + "a" : name;
}
