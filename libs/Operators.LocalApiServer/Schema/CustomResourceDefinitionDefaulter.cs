using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// The defaults kube-apiserver fills into a <c>CustomResourceDefinition</c> before validating it:
/// <c>spec.names.singular</c> (the lower-cased kind), <c>spec.names.listKind</c> (kind + <c>List</c>) and
/// <c>spec.conversion.strategy: None</c>.
/// </summary>
internal static class CustomResourceDefinitionDefaulter
{
    /// <summary>Fills the defaults into <paramref name="crd"/> in place.</summary>
    public static void Apply(JsonObject crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        if (crd["spec"] is not JsonObject spec)
        {
            return;
        }

        if (spec["names"] is JsonObject names && names["kind"] is { } kindNode &&
            GoJson.KindOf(kindNode) == GoJsonKind.String && GoJson.GetString(kindNode) is { Length: > 0 } kind)
        {
            if (IsEmpty(names["singular"]))
            {
                names["singular"] = kind.ToLowerInvariant();
            }

            if (IsEmpty(names["listKind"]))
            {
                names["listKind"] = kind + "List";
            }
        }

        if (spec["conversion"] is not JsonObject conversion)
        {
            spec["conversion"] = new JsonObject { ["strategy"] = "None" };
        }
        else if (IsEmpty(conversion["strategy"]))
        {
            conversion["strategy"] = "None";
        }
    }

    private static bool IsEmpty(JsonNode? node) =>
        node is null || (GoJson.KindOf(node) == GoJsonKind.String && GoJson.GetString(node).Length == 0);
}
