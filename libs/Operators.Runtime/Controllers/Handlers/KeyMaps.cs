using k8s;
using k8s.Models;

namespace Operators.Runtime.Controllers.Handlers;

/// <summary>The object-to-key maps behind the builder's <c>For</c> and <c>Owns</c>.</summary>
internal static class KeyMaps
{
    /// <summary>The object itself.</summary>
    public static IEnumerable<ReconcileRequest> Self<T>(T obj)
        where T : IKubernetesObject<V1ObjectMeta> =>
        [new ReconcileRequest(obj.Metadata.NamespaceProperty ?? "", obj.Metadata.Name)];

    /// <summary>
    /// The object's controller owner, when it is of the owner's group and kind (the version may
    /// differ); the owner is looked up in the dependent's namespace.
    /// </summary>
    public static Func<T, IEnumerable<ReconcileRequest>> ControllerOwner<T>(string ownerApiVersion, string ownerKind)
        where T : IKubernetesObject<V1ObjectMeta> =>
        obj =>
        {
            var owner = obj.Metadata.OwnerReferences?.FirstOrDefault(r => r.Controller == true);
            if (owner is null || owner.Kind != ownerKind || GroupOf(owner.ApiVersion) != GroupOf(ownerApiVersion))
            {
                return [];
            }

            return [new ReconcileRequest(obj.Metadata.NamespaceProperty ?? "", owner.Name)];
        };

    private static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
