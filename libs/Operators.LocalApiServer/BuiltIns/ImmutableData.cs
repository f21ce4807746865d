using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>The <c>immutable: true</c> rule of ConfigMaps and Secrets.</summary>
internal static class ImmutableData
{
    private const string Detail = "field is immutable when `immutable` is set";

    /// <summary>Once the stored object is immutable, neither the flag nor the data fields may change.</summary>
    public static void Validate(JsonObject obj, JsonObject old, IEnumerable<string> dataFields, List<StatusCause> causes)
    {
        if (!old.IsTrue("immutable"))
        {
            return;
        }

        if (!obj.IsTrue("immutable"))
        {
            causes.Add(FieldCauses.Forbidden("immutable", Detail));
        }

        foreach (var field in dataFields)
        {
            if (!JsonNode.DeepEquals(EmptyAsNull(obj[field]), EmptyAsNull(old[field])))
            {
                causes.Add(FieldCauses.Forbidden(field, Detail));
            }
        }
    }

    private static JsonNode? EmptyAsNull(JsonNode? node) => node is JsonObject { Count: 0 } ? null : node;
}
