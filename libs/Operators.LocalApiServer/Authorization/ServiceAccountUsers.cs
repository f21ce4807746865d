namespace Operators.LocalApiServer.Authorization;

/// <summary>The user names and groups of service accounts, as kube-apiserver derives them.</summary>
internal static class ServiceAccountUsers
{
    /// <summary>The prefix of a service account's user name.</summary>
    public const string Prefix = "system:serviceaccount:";

    /// <summary>The group every authenticated user is in.</summary>
    public const string AuthenticatedGroup = "system:authenticated";

    /// <summary>The user name of a service account.</summary>
    public static string UserName(string ns, string name) => Prefix + ns + ":" + name;

    /// <summary>The groups of an authenticated user: the given ones, the service account groups, and <see cref="AuthenticatedGroup"/>.</summary>
    public static IReadOnlyList<string> GroupsOf(TokenUser user)
    {
        var groups = new List<string>(user.Groups);
        if (user.Name.StartsWith(Prefix, StringComparison.Ordinal) && user.Name[Prefix.Length..].Split(':') is [var ns, _])
        {
            groups.Add("system:serviceaccounts");
            groups.Add("system:serviceaccounts:" + ns);
        }

        groups.Add(AuthenticatedGroup);
        return [.. groups.Distinct(StringComparer.Ordinal)];
    }
}
