using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// A built-in kind the server stores but does not interpret (ServiceAccounts, RBAC objects,
/// PodDisruptionBudgets, NetworkPolicies): metadata is validated as kube-apiserver does, the body
/// is kept as sent, no defaults are added. Enough for applying a rendered chart; nothing enforces
/// what these objects say (the README lists that deviation).
/// </summary>
/// <param name="namespaced">Whether the kind lives in a namespace.</param>
/// <param name="nameRule">The rule for <c>metadata.name</c>.</param>
/// <param name="tracksGeneration">Whether the kind keeps <c>metadata.generation</c>.</param>
internal sealed class StoredObjectBehavior(bool namespaced, NameValidator nameRule, bool tracksGeneration) : IResourceBehavior
{
    /// <inheritdoc />
    public bool TracksGeneration => tracksGeneration;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj)
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        ObjectMetaRules.Validate(obj, namespaced, nameRule, standardFinalizers: true, causes);
        if (old is not null)
        {
            ObjectMetaRules.ValidateUpdate(obj, old, causes);
        }

        return causes;
    }
}
