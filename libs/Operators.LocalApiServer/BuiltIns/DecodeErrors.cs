using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// The 400 BadRequest errors kube-apiserver answers when a body cannot be decoded into the Go type:
/// <c>Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0</c>.
/// Behaviours raise them from <see cref="Storage.IResourceBehavior.ApplyDefaults"/>, which runs first.
/// </summary>
internal sealed class DecodeErrors
{
    private static readonly SearchValues<char> Base64Characters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n");

    private readonly string _kind;
    private readonly string _version;

    /// <summary>Creates the error source for a kind served in a version, e.g. <c>Secret</c>, <c>v1</c>.</summary>
    public DecodeErrors(string kind, string version)
    {
        _kind = kind;
        _version = version;
    }

    /// <summary>The BadRequest to throw, with the given decoder message.</summary>
    public ApiException Fail(string detail) =>
        ApiException.BadRequest($"{_kind} in version \"{_version}\" cannot be handled as a {_kind}: {detail}");

    /// <summary>Requires <c>metadata.labels</c> and <c>metadata.annotations</c> to map strings to strings.</summary>
    public void RequireMetadataTypes(JsonObject obj)
    {
        var meta = obj.GetObject("metadata");
        RequireStringMap(meta, "labels", "ObjectMeta.metadata.labels");
        RequireStringMap(meta, "annotations", "ObjectMeta.metadata.annotations");
    }

    /// <summary>Requires every value of a string map (labels, data) to be a string.</summary>
    public void RequireStringMap(JsonObject? owner, string key, string goField)
    {
        if (owner?[key] is not JsonObject map)
        {
            return;
        }

        foreach (var (_, value) in map)
        {
            if (value is not null && value.GetValueKind() != JsonValueKind.String)
            {
                throw Fail($"json: cannot unmarshal {GoTypeNames.DecoderWord(value)} into Go struct field {goField} of type string");
            }
        }
    }

    /// <summary>Requires every value of a byte map (Secret data, ConfigMap binaryData) to be base64.</summary>
    public void RequireBase64Map(JsonObject? owner, string key, string goField)
    {
        if (owner?[key] is not JsonObject map)
        {
            return;
        }

        foreach (var (_, value) in map)
        {
            if (value is null)
            {
                continue;
            }

            if (value.GetValueKind() != JsonValueKind.String)
            {
                throw Fail($"json: cannot unmarshal {GoTypeNames.DecoderWord(value)} into Go struct field {goField} of type []uint8");
            }

            var text = value.GetValue<string>();
            if (!Base64.IsValid(text))
            {
                throw Fail($"illegal base64 data at input byte {FirstInvalidBase64Byte(text)}");
            }
        }
    }

    /// <summary>Requires an optional field to hold a value of the given JSON kind (string, number, bool, object).</summary>
    public void RequireKind(JsonObject? owner, string key, JsonValueKind kind, string goField, string goType)
    {
        var value = owner?[key];
        if (value is null)
        {
            return;
        }

        var actual = value.GetValueKind();
        var matches = kind switch
        {
            JsonValueKind.True or JsonValueKind.False => actual is JsonValueKind.True or JsonValueKind.False,
            JsonValueKind.Number => value is JsonValue number && JsonFields.TryGetInteger(number, out _),
            _ => actual == kind,
        };
        if (!matches)
        {
            throw Fail($"json: cannot unmarshal {GoTypeNames.DecoderWord(value)} into Go struct field {goField} of type {goType}");
        }
    }

    private static int FirstInvalidBase64Byte(string text)
    {
        var index = text.AsSpan().IndexOfAnyExcept(Base64Characters);
        return index >= 0 ? index : text.Length;
    }
}
