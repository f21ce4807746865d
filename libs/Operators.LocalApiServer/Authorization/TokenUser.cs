namespace Operators.LocalApiServer.Authorization;

/// <summary>
/// The user a bearer token authenticates as: a name and the groups given with the token. The server adds
/// <c>system:authenticated</c> to every authenticated user, and <c>system:serviceaccounts</c> and
/// <c>system:serviceaccounts:&lt;namespace&gt;</c> to a service account (<c>system:serviceaccount:&lt;namespace&gt;:&lt;name&gt;</c>).
/// </summary>
/// <param name="Name">The user name, e.g. <c>admin</c> or <c>system:serviceaccount:openstack-operators:nova-agent</c>.</param>
/// <param name="Groups">The groups given with the token.</param>
public sealed record TokenUser(string Name, IReadOnlyList<string> Groups)
{
    /// <summary>The group whose members bypass authorization, as kube-apiserver's privileged group.</summary>
    public const string MastersGroup = "system:masters";

    /// <summary>An administrator: a member of <see cref="MastersGroup"/>.</summary>
    /// <param name="name">The user name.</param>
    /// <returns>The user.</returns>
    public static TokenUser Admin(string name = "admin") => new(name, [MastersGroup]);

    /// <summary>A service account's user, <c>system:serviceaccount:&lt;namespace&gt;:&lt;name&gt;</c>.</summary>
    /// <param name="serviceAccountNamespace">The namespace of the service account.</param>
    /// <param name="name">The name of the service account.</param>
    /// <returns>The user.</returns>
    public static TokenUser ServiceAccount(string serviceAccountNamespace, string name) =>
        new(ServiceAccountUsers.UserName(serviceAccountNamespace, name), []);
}
