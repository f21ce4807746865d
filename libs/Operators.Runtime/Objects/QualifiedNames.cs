using System.Text.RegularExpressions;

namespace Operators.Runtime.Objects;

/// <summary>Kubernetes' qualified-name rule (<c>[prefix/]name</c>), as used by condition types and finalizers.</summary>
internal static partial class QualifiedNames
{
    private const int NameMaxLength = 63;
    private const int PrefixMaxLength = 253;

    /// <summary>The error for <paramref name="value"/>, or null when it is a qualified name.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "must be non-empty";
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var name = value;
        if (slash >= 0)
        {
            var prefix = value[..slash];
            name = value[(slash + 1)..];
            if (prefix.Length == 0 || prefix.Length > PrefixMaxLength || !Dns1123Subdomain().IsMatch(prefix))
            {
                return "prefix must be a DNS subdomain (lower case alphanumerics, '-' and '.', at most 253 characters)";
            }
        }

        if (name.Length == 0 || name.Length > NameMaxLength || !Name().IsMatch(name))
        {
            return "name must be at most 63 characters of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
        }

        return null;
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();
}
