using System.Globalization;
using System.Reflection;
using System.Text;
using k8s.Models;

namespace Operators.Runtime.Client;

/// <summary>
/// Names a Kubernetes resource on the wire: API group, version, plural and kind, read from a type's
/// <see cref="KubernetesEntityAttribute"/>.
/// </summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The API version within the group, e.g. <c>v1</c>.</param>
/// <param name="Plural">The plural resource name used in URLs, e.g. <c>configmaps</c>.</param>
/// <param name="Kind">The kind, e.g. <c>ConfigMap</c>.</param>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind)
{
    /// <summary>Gets the <c>apiVersion</c> field value: <c>version</c> for the core group, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>Reads the resource type of <typeparamref name="T"/> from its <see cref="KubernetesEntityAttribute"/>.</summary>
    /// <exception cref="InvalidOperationException">The type has no usable attribute.</exception>
    public static ResourceType For<T>() => For(typeof(T));

    /// <summary>Reads the resource type of <paramref name="type"/> from its <see cref="KubernetesEntityAttribute"/>.</summary>
    /// <exception cref="InvalidOperationException">The type has no usable attribute.</exception>
    public static ResourceType For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [KubernetesEntity] attribute.");
        if (string.IsNullOrEmpty(entity.ApiVersion) || string.IsNullOrEmpty(entity.PluralName) || string.IsNullOrEmpty(entity.Kind))
        {
            throw new InvalidOperationException($"The [KubernetesEntity] attribute of {type.Name} needs ApiVersion, Kind and PluralName.");
        }

        return new ResourceType(entity.Group ?? string.Empty, entity.ApiVersion, entity.PluralName, entity.Kind);
    }

    /// <summary>The URL path of the collection, in a namespace or across all namespaces (or cluster-scoped).</summary>
    internal string CollectionPath(string? @namespace)
    {
        var path = new StringBuilder(Group.Length == 0 ? "api/" : "apis/" + Group + "/");
        path.Append(Version);
        if (!string.IsNullOrEmpty(@namespace))
        {
            path.Append("/namespaces/").Append(Uri.EscapeDataString(@namespace));
        }

        return path.Append('/').Append(Plural).ToString();
    }

    /// <summary>The URL path of one object, optionally of its subresource (e.g. <c>status</c>).</summary>
    internal string ItemPath(string name, string? @namespace, string? subresource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var path = CollectionPath(@namespace) + "/" + Uri.EscapeDataString(name);
        return subresource is null ? path : string.Create(CultureInfo.InvariantCulture, $"{path}/{subresource}");
    }
}
