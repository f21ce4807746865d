using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Schema;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// apiextensions.k8s.io/v1 CustomResourceDefinition: keeps <c>metadata.generation</c> and applies
/// the v1 defaults (<c>spec.conversion.strategy: None</c>, <c>names.listKind</c>, webhook port 443).
/// Validation is the CRD machinery's: <see cref="CustomResourceDefinitionValidator"/> plus object metadata.
/// </summary>
internal sealed class CustomResourceDefinitionBehavior : IResourceBehavior
{
    /// <inheritdoc />
    public bool TracksGeneration => true;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj)
    {
        if (obj.GetObject("spec") is not { } spec)
        {
            return;
        }

        CustomResourceDefinitionDefaulter.Apply(obj);

        var conversion = spec.GetOrAddObject("conversion");
        conversion.DefaultString("strategy", "None");
        conversion.GetObject("webhook").GetObject("clientConfig").GetObject("service")?.DefaultValue("port", 443);

        if (spec.GetObject("names") is { } names && names.GetStringOrEmpty("kind").Length > 0)
        {
            names.DefaultString("listKind", names.GetStringOrEmpty("kind") + "List");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        ObjectMetaRules.Validate(obj, namespaced: false, NameRules.DnsSubdomain, standardFinalizers: false, causes);
        if (old is not null)
        {
            ObjectMetaRules.ValidateUpdate(obj, old, causes);
        }

        causes.AddRange(CustomResourceDefinitionValidator.Validate(obj));
        return causes;
    }
}
