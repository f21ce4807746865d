using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// A patch that kube-apiserver v1.36 rejects while applying it, with the Status it answers.
/// </summary>
/// <remarks>
/// <para>
/// The server answers <see cref="ToApiException"/> as it is: <c>code</c> = <see cref="Code"/>,
/// <c>reason</c> = <see cref="Reason"/>, <c>message</c> = <see cref="Exception.Message"/>, and
/// <b>no details</b>. kube-apiserver builds these errors without the object's name, group or kind
/// (the json-patch, merge-patch and strategic-merge-patch recordings show no <c>details</c>), so
/// the server must not add them. The cases:
/// </para>
/// <list type="bullet">
/// <item>400 <c>BadRequest</c>: the document cannot be decoded as its patch type (a JSON patch
/// that is not a list of operation objects or whose <c>op</c>/<c>path</c>/<c>from</c> are not
/// strings; a merge or strategic merge patch that is not an object; a JSON null merge patch) and
/// malformed strategic merge directives (<c>$retainKeys</c>, <c>$setElementOrder</c>,
/// <c>$deleteFromPrimitiveList</c>). The message is kube-apiserver's, e.g. <c>error decoding patch:
/// json: cannot unmarshal array into Go value of type map[string]interface {}</c>, as it words it
/// for the default <c>fieldValidation</c> (Warn) and for Strict.</item>
/// <item>422 <c>Invalid</c>: a JSON patch operation that does not apply (failed <c>test</c>,
/// removing or reaching a missing path, bad array index, unknown <c>op</c>) and a strategic merge
/// patch with a list of lists. The message is always <see cref="GenericInvalidMessage"/>;
/// <see cref="Detail"/> says what failed, for logs only.</item>
/// <item>413 <c>RequestEntityTooLarge</c>: a JSON patch of more than 10000 operations.</item>
/// <item>500 with an empty <c>reason</c> (kube's StatusReasonUnknown, omitted from the JSON):
/// strategic merge patch errors kube-apiserver does not classify, e.g. a list item without its
/// merge key (<c>map: map[image:x] does not contain declared merge key: name</c>) or an unknown
/// <c>$patch</c>.</item>
/// </list>
/// <para>
/// Left to the server: a body that is not JSON at all is 400 <c>BadRequest</c> without details
/// (kube prefixes the decoder's message with <c>error decoding patch: </c> for JSON and merge
/// patches, not for strategic merge patches); a missing object is 404 <c>NotFound</c> naming the
/// resource plural; strategic merge patch of a custom resource is 415 (see
/// <see cref="StrategicMergeSchema.ForKind"/>); and a patched object that fails validation is 422
/// <c>Invalid</c> with field causes and the Kind, like an update.
/// </para>
/// </remarks>
internal sealed class PatchException : Exception
{
    /// <summary>The message kube-apiserver gives every 422 of a patch that does not apply.</summary>
    public const string GenericInvalidMessage = "the server rejected our request due to an error in our request";

    private PatchException(int code, string reason, string message, string detail)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Detail = detail;
    }

    /// <summary>The HTTP status code.</summary>
    public int Code { get; }

    /// <summary>The Status reason; empty for kube's unclassified (500) errors.</summary>
    public string Reason { get; }

    /// <summary>What exactly failed; equals the message except for 422, whose message is generic.</summary>
    public string Detail { get; }

    /// <summary>The error the server answers: code, reason and message as they are, no details.</summary>
    public ApiException ToApiException() => new(Code, Reason, Message);

    /// <summary>400 for a patch document that cannot be decoded or a malformed directive.</summary>
    public static PatchException BadRequest(string message) => new(400, "BadRequest", message, message);

    /// <summary>422 for a patch that does not apply to the object.</summary>
    public static PatchException Unprocessable(string detail) =>
        new(422, "Invalid", GenericInvalidMessage, detail);

    /// <summary>413 for a JSON patch with too many operations.</summary>
    public static PatchException TooManyOperations(int maximum, int count)
    {
        var message = $"Request entity too large: The allowed maximum operations in a JSON patch is {maximum}, got {count}";
        return new(413, "RequestEntityTooLarge", message, message);
    }

    /// <summary>500 without a reason, as kube-apiserver answers errors it does not classify.</summary>
    public static PatchException Unclassified(string message) => new(500, "", message, message);
}
