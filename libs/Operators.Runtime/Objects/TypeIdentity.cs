using System.Reflection;
using k8s;
using k8s.Models;

namespace Operators.Runtime.Objects;

/// <summary>
/// An object's <c>apiVersion</c> and <c>kind</c>: from the object when set (objects read in lists
/// often lack them), else from the <see cref="KubernetesEntityAttribute"/> of its type.
/// </summary>
internal static class TypeIdentity
{
    public static (string ApiVersion, string Kind) Of(IKubernetesObject<V1ObjectMeta> obj)
    {
        var entity = obj.GetType().GetCustomAttribute<KubernetesEntityAttribute>();
        var apiVersion = !string.IsNullOrEmpty(obj.ApiVersion)
            ? obj.ApiVersion
            : entity is null ? string.Empty : string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : entity.Group + "/" + entity.ApiVersion;
        var kind = !string.IsNullOrEmpty(obj.Kind) ? obj.Kind : entity?.Kind ?? string.Empty;
        return (apiVersion, kind);
    }

    /// <summary>The group of an <c>apiVersion</c>: the part before '/', empty for the core group.</summary>
    public static string Group(string? apiVersion)
    {
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash < 0 ? string.Empty : apiVersion![..slash];
    }
}
