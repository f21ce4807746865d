using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>
/// <c>metadata</c>, by hand (every cached object has one): shares names, namespace, labels, annotations,
/// finalizers and owner references; leaves <c>uid</c> and <c>resourceVersion</c> alone (never shared) and
/// <c>managedFields</c> to the transform that runs before (dropped by default).
/// </summary>
internal sealed class MetadataNode : CompactNode
{
    public static readonly MetadataNode Instance = new();

    private static readonly ArrayNode<string> Finalizers = new(StringNode.Instance);

    public override object Compact(object value, InternPool pool)
    {
        var meta = (V1ObjectMeta)value;
        meta.Name = pool.Intern(meta.Name);
        meta.NamespaceProperty = pool.Intern(meta.NamespaceProperty);
        meta.GenerateName = pool.Intern(meta.GenerateName);
        meta.Labels = pool.Share(meta.Labels);
        meta.Annotations = pool.Share(meta.Annotations);
        if (meta.Finalizers is { } finalizers)
        {
            meta.Finalizers = (IList<string>)Finalizers.Compact(finalizers, pool);
        }

        if (meta.OwnerReferences is { Count: > 0 } owners)
        {
            var shared = owners as V1OwnerReference[] ?? [.. owners];
            foreach (var owner in shared)
            {
                owner.ApiVersion = pool.Intern(owner.ApiVersion);
                owner.Kind = pool.Intern(owner.Kind);
                owner.Name = pool.Intern(owner.Name);
                owner.Uid = pool.Intern(owner.Uid);
            }

            meta.OwnerReferences = shared;
        }

        return meta;
    }
}
