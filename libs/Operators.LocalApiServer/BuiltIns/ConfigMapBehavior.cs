using System.Text;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>core/v1 ConfigMap: no defaults; keys, 1 MiB of data, immutability.</summary>
internal sealed class ConfigMapBehavior : IResourceBehavior
{
    /// <summary>The most data (and binaryData, decoded) a ConfigMap or Secret may hold: 1 MiB.</summary>
    public const int MaxSize = 1024 * 1024;

    private static readonly DecodeErrors Decode = new("ConfigMap", "v1");

    /// <inheritdoc />
    public bool TracksGeneration => false;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj)
    {
        Decode.RequireMetadataTypes(obj);
        Decode.RequireStringMap(obj, "data", "ConfigMap.data");
        Decode.RequireBase64Map(obj, "binaryData", "ConfigMap.binaryData");
    }

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        ObjectMetaRules.Validate(obj, namespaced: true, NameRules.DnsSubdomain, standardFinalizers: true, causes);
        if (old is not null)
        {
            ObjectMetaRules.ValidateUpdate(obj, old, causes);
            ImmutableData.Validate(obj, old, ["data", "binaryData"], causes);
        }

        long totalSize = 0;
        foreach (var (key, value) in obj.StringEntries("data"))
        {
            causes.AddRange(FieldCauses.InvalidEach($"data[{key}]", key, ContentRules.ConfigMapKey(key)));
            totalSize += Encoding.UTF8.GetByteCount(value);
        }

        var data = obj.GetObject("data");
        foreach (var (key, value) in obj.StringEntries("binaryData"))
        {
            causes.AddRange(FieldCauses.InvalidEach($"binaryData[{key}]", key, ContentRules.ConfigMapKey(key)));
            totalSize += Base64Length.Decoded(value);
            if (data?.ContainsKey(key) == true)
            {
                causes.Add(FieldCauses.Invalid($"binaryData[{key}]", key, "duplicate key in both data and binaryData"));
            }
        }

        if (totalSize > MaxSize)
        {
            // kube-apiserver reports the whole object with an empty path, printed "[]".
            causes.Add(FieldCauses.TooLongInTotal("[]", MaxSize));
        }

        return causes;
    }
}
