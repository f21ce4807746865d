using System.Text.Json.Nodes;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Storage;

/// <summary>
/// A custom resource's behaviour: defaults and validation from the CRD's structural schema,
/// names as DNS-1123 subdomains, and <c>metadata.generation</c> always tracked.
/// </summary>
internal sealed class CustomResourceBehavior(CustomResourceSchema? schema, bool namespaced) : IResourceBehavior
{
    /// <inheritdoc />
    public bool TracksGeneration => true;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj) => schema?.ApplyDefaults(obj);

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        ObjectMetaRules.Validate(obj, namespaced, NameRules.DnsSubdomain, standardFinalizers: false, causes);
        if (old is not null)
        {
            ObjectMetaRules.ValidateUpdate(obj, old, causes);
        }

        if (schema is not null)
        {
            causes.AddRange(old is null ? schema.Validate(obj) : schema.ValidateUpdate(obj, old));
        }

        return causes;
    }
}
