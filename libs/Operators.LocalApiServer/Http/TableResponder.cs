using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Storage;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Http;

/// <summary>
/// Answers with a <c>meta.k8s.io</c> Table when the client asks for one in <c>Accept</c>, as
/// <c>kubectl get</c> does: built-in columns, a CRD's printer columns, or the default ones.
/// </summary>
internal sealed class TableResponder(ResourceRegistry registry, TimeProvider time)
{
    /// <summary>Writes one object as a Table; null when no Table was asked for.</summary>
    public Task? TryWriteObjectAsync(HttpContext context, ResourceType type, JsonObject obj)
    {
        if (!TryNegotiate(context, out var request))
        {
            return null;
        }

        return JsonResponses.WriteAsync(context, 200, TableBuilder.ForSingleObject(Definition(type), obj, request, time.GetUtcNow()));
    }

    /// <summary>Writes a list as a Table; null when no Table was asked for.</summary>
    public Task? TryWriteListAsync(HttpContext context, ResourceType type, IReadOnlyList<JsonObject> items, long listVersion, string? next, long? remaining)
    {
        if (!TryNegotiate(context, out var request))
        {
            return null;
        }

        var table = TableBuilder.Build(Definition(type), items, request,
            listVersion.ToString(CultureInfo.InvariantCulture), next, remaining, time.GetUtcNow());
        return JsonResponses.WriteAsync(context, 200, table);
    }

    /// <summary>For a watch that asked for Tables: turns each event's object into a one-row Table (column headers on the first only).</summary>
    public Func<JsonObject, JsonNode>? WatchPresenter(HttpContext context, ResourceType type)
    {
        if (!TryNegotiate(context, out var request))
        {
            return null;
        }

        var definition = Definition(type);
        var first = true;
        return obj =>
        {
            var table = TableBuilder.ForSingleObject(definition, obj, request, time.GetUtcNow(), includeColumnDefinitions: first);
            first = false;
            return table;
        };
    }

    private static bool TryNegotiate(HttpContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TableRequest? request) =>
        TableRequest.TryParse(context.Request.Headers.Accept.ToString(), context.Request.Query["includeObject"].ToString(), out request);

    private TableDefinition Definition(ResourceType type)
    {
        if (BuiltInTableColumns.TryGet(type.Group, type.Plural, out var builtIn))
        {
            return builtIn;
        }

        return registry.Custom(type) is { } custom ? CustomResourceTable.For(custom.PrinterColumns) : DefaultTable.Definition;
    }
}
