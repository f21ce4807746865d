using System.Text;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// core/v1 Secret: <c>stringData</c> is merged into base64 <c>data</c> (and dropped), <c>type</c>
/// defaults to <c>Opaque</c> and is immutable; keys, 1 MiB of data and the fields each type requires.
/// </summary>
internal sealed class SecretBehavior : IResourceBehavior
{
    private static readonly DecodeErrors Decode = new("Secret", "v1");

    /// <inheritdoc />
    public bool TracksGeneration => false;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj)
    {
        Decode.RequireMetadataTypes(obj);
        Decode.RequireBase64Map(obj, "data", "Secret.data");
        Decode.RequireStringMap(obj, "stringData", "Secret.stringData");
        Decode.RequireKind(obj, "type", System.Text.Json.JsonValueKind.String, "Secret.type", "v1.SecretType");
        if (obj.GetObject("stringData") is { Count: > 0 } stringData)
        {
            var data = obj.GetOrAddObject("data");
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
            }
        }

        obj.Remove("stringData");
        obj.DefaultString("type", "Opaque");
    }

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        ObjectMetaRules.Validate(obj, namespaced: true, NameRules.DnsSubdomain, standardFinalizers: true, causes);
        if (old is not null)
        {
            ObjectMetaRules.ValidateUpdate(obj, old, causes);
            var type = obj.GetStringOrEmpty("type");
            if (type != old.GetStringOrEmpty("type"))
            {
                causes.Add(FieldCauses.Invalid("type", type, FieldCauses.Immutable));
            }

            ImmutableData.Validate(obj, old, ["data"], causes);
        }

        long totalSize = 0;
        foreach (var (key, value) in obj.StringEntries("data"))
        {
            causes.AddRange(FieldCauses.InvalidEach($"data[{key}]", key, ContentRules.ConfigMapKey(key)));
            totalSize += Base64Length.Decoded(value);
        }

        if (totalSize > ConfigMapBehavior.MaxSize)
        {
            causes.Add(FieldCauses.TooLongInTotal("data", ConfigMapBehavior.MaxSize));
        }

        ValidateTypeRequirements(obj, causes);
        return causes;
    }

    private static void ValidateTypeRequirements(JsonObject obj, List<StatusCause> causes)
    {
        var data = obj.GetObject("data");
        bool Has(string key) => data?.ContainsKey(key) == true;
        void Require(string key)
        {
            if (!Has(key))
            {
                causes.Add(FieldCauses.Required($"data[{key}]"));
            }
        }

        switch (obj.GetStringOrEmpty("type"))
        {
            case "kubernetes.io/service-account-token":
                if (string.IsNullOrEmpty(obj.GetObject("metadata").GetObject("annotations").GetString("kubernetes.io/service-account.name")))
                {
                    causes.Add(FieldCauses.Required("metadata.annotations[kubernetes.io/service-account.name]"));
                }

                break;
            case "kubernetes.io/dockercfg":
                Require(".dockercfg");
                break;
            case "kubernetes.io/dockerconfigjson":
                Require(".dockerconfigjson");
                break;
            case "kubernetes.io/basic-auth" when !Has("username") && !Has("password"):
                Require("username");
                Require("password");
                break;
            case "kubernetes.io/ssh-auth":
                Require("ssh-privatekey");
                break;
            case "kubernetes.io/tls":
                Require("tls.crt");
                Require("tls.key");
                break;
        }
    }
}
