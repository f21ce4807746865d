using System.Diagnostics.CodeAnalysis;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// A request for server-side printing: the <c>Accept</c> header asked for
/// <c>application/json;as=Table;g=meta.k8s.io;v=v1</c> (or <c>v1beta1</c>), as kubectl does.
/// </summary>
/// <param name="Version"><c>v1</c> or <c>v1beta1</c> of <c>meta.k8s.io</c>.</param>
/// <param name="IncludeObject">What each row carries as <c>object</c>.</param>
internal sealed record TableRequest(string Version, TableIncludeObject IncludeObject)
{
    /// <summary>The group of Table and PartialObjectMetadata.</summary>
    public const string Group = "meta.k8s.io";

    /// <summary><c>meta.k8s.io/v1</c> or <c>meta.k8s.io/v1beta1</c>: the apiVersion of the Table and of its partial objects.</summary>
    public string ApiVersion => Group + "/" + Version;

    /// <summary>
    /// Negotiates the response like kube-apiserver: the first acceptable clause of
    /// <paramref name="accept"/> decides. True when it asks for a Table in JSON; false for a plain
    /// object, another transformation (PartialObjectMetadata), no acceptable clause or no header.
    /// </summary>
    /// <param name="accept">The <c>Accept</c> header.</param>
    /// <param name="includeObject">The <c>includeObject</c> query parameter, if given.</param>
    /// <param name="request">The Table request when the result is true.</param>
    /// <exception cref="ApiException">400 BadRequest: a Table was asked for with an invalid <c>includeObject</c>.</exception>
    public static bool TryParse(string? accept, string? includeObject, [NotNullWhen(true)] out TableRequest? request)
    {
        request = null;
        if (string.IsNullOrEmpty(accept))
        {
            return false;
        }

        foreach (var clause in AcceptClause.ParseHeader(accept))
        {
            if (!IsJson(clause) || !AllowsStream(clause))
            {
                continue;
            }

            var kind = clause.Parameter("as");
            var group = clause.Parameter("g");
            var version = clause.Parameter("v");
            if (kind is null && group is null && version is null)
            {
                return false;
            }

            if (group != Group || version is not ("v1" or "v1beta1"))
            {
                continue;
            }

            switch (kind)
            {
                case "Table":
                    request = new TableRequest(version, ParseIncludeObject(includeObject));
                    return true;
                case "PartialObjectMetadata" or "PartialObjectMetadataList":
                    return false;
            }
        }

        return false;
    }

    private static bool IsJson(AcceptClause clause) =>
        (clause.Type, clause.SubType) is ("application", "json") or ("application", "*") or ("*", "*");

    private static bool AllowsStream(AcceptClause clause) =>
        clause.Parameter("stream") is null or "" or "watch";

    private static TableIncludeObject ParseIncludeObject(string? value) => value switch
    {
        null or "" or "Metadata" => TableIncludeObject.Metadata,
        "Object" => TableIncludeObject.Object,
        "None" => TableIncludeObject.None,
        _ => throw ApiException.BadRequest(
            "Unable to convert to Table as requested: includeObject: Invalid value: \""
            + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            + "\": must be 'Metadata', 'Object', 'None', or empty"),
    };
}
