using k8s;
using k8s.Models;

namespace Operators.Runtime.Objects;

/// <summary>
/// Owner references: the controller reference (<c>controller: true, blockOwnerDeletion: true</c>)
/// makes the owner's controller be notified of changes (<c>Owns&lt;T&gt;()</c>) and the garbage
/// collector delete the object with its owner. Pure: the caller writes the object.
/// </summary>
public static class OwnerReferences
{
    /// <summary>Builds the controller reference to <paramref name="owner"/>.</summary>
    /// <param name="owner">The owner; needs apiVersion (or a <see cref="KubernetesEntityAttribute"/>), kind, name and uid.</param>
    /// <returns>A reference with <c>controller: true</c> and <c>blockOwnerDeletion: true</c>.</returns>
    /// <exception cref="ArgumentException">The owner lacks one of the four fields.</exception>
    public static V1OwnerReference ControllerReferenceTo(IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var (apiVersion, kind) = TypeIdentity.Of(owner);
        var name = owner.Metadata?.Name;
        var uid = owner.Metadata?.Uid;
        if (apiVersion.Length == 0 || kind.Length == 0 || string.IsNullOrEmpty(name) || string.IsNullOrEmpty(uid))
        {
            throw new ArgumentException("An owner needs apiVersion, kind, metadata.name and metadata.uid (read it from the API first).", nameof(owner));
        }

        return new V1OwnerReference { ApiVersion = apiVersion, Kind = kind, Name = name, Uid = uid, Controller = true, BlockOwnerDeletion = true };
    }

    /// <summary>
    /// Makes <paramref name="owner"/> the controller of <paramref name="obj"/>, replacing an older
    /// reference to the same owner (same group, kind and name) and keeping other references.
    /// </summary>
    /// <param name="owner">The controlling object.</param>
    /// <param name="obj">The object to change.</param>
    /// <returns><see langword="true"/> when the references changed (so the object needs writing).</returns>
    /// <exception cref="AlreadyControlledException"><paramref name="obj"/> has another controller.</exception>
    /// <exception cref="ArgumentException">The owner is incomplete, or namespaces forbid the reference.</exception>
    public static bool SetController(IKubernetesObject<V1ObjectMeta> owner, IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var reference = ControllerReferenceTo(owner);
        var ownerNamespace = owner.Metadata.NamespaceProperty ?? string.Empty;
        var objNamespace = obj.Metadata?.NamespaceProperty ?? string.Empty;
        if (ownerNamespace.Length > 0 && ownerNamespace != objNamespace)
        {
            throw new ArgumentException(
                $"A namespaced owner ({ownerNamespace}/{reference.Name}) can only own objects in its namespace, not in '{objNamespace}'.", nameof(obj));
        }

        if (GetController(obj) is { } existing && !SameObject(existing, reference))
        {
            throw new AlreadyControlledException(existing);
        }

        obj.Metadata ??= new V1ObjectMeta();
        var references = obj.Metadata.OwnerReferences ?? new List<V1OwnerReference>();
        var index = references.ToList().FindIndex(r => SameObject(r, reference));
        if (index >= 0 && Equal(references[index], reference))
        {
            return false;
        }

        if (index >= 0)
        {
            references[index] = reference;
        }
        else
        {
            references.Add(reference);
        }

        obj.Metadata.OwnerReferences = references;
        return true;
    }

    /// <summary>The controller reference of <paramref name="obj"/> (the one with <c>controller: true</c>).</summary>
    /// <param name="obj">The object.</param>
    /// <returns>The reference, or null when the object has no controller.</returns>
    public static V1OwnerReference? GetController(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata?.OwnerReferences?.FirstOrDefault(r => r.Controller == true);
    }

    /// <summary>Whether <paramref name="owner"/> (by uid) is the controller of <paramref name="obj"/>.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="owner">The candidate owner.</param>
    /// <returns><see langword="true"/> when the object's controller reference has the owner's uid.</returns>
    public static bool IsControlledBy(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var uid = owner.Metadata?.Uid;
        return !string.IsNullOrEmpty(uid) && GetController(obj)?.Uid == uid;
    }

    private static bool SameObject(V1OwnerReference a, V1OwnerReference b) =>
        TypeIdentity.Group(a.ApiVersion) == TypeIdentity.Group(b.ApiVersion) && a.Kind == b.Kind && a.Name == b.Name;

    private static bool Equal(V1OwnerReference a, V1OwnerReference b) =>
        a.ApiVersion == b.ApiVersion && a.Kind == b.Kind && a.Name == b.Name && a.Uid == b.Uid
        && a.Controller == b.Controller && a.BlockOwnerDeletion == b.BlockOwnerDeletion;
}
