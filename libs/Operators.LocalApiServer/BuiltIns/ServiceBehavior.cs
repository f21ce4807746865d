using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// core/v1 Service: the defaults of <c>SetDefaults_Service</c> plus what the service registry fills
/// in (a cluster IP, single-stack IPv4 families, node ports). Addresses are derived from the
/// namespace and name (a hash into 10.96.0.0/12 and 30000-32767) rather than taken from an
/// allocator, so a PUT that omits them gets the same values back; two services may collide.
/// </summary>
internal sealed class ServiceBehavior : IResourceBehavior
{
    private const uint ServiceRangeStart = (10u << 24) | (96u << 16); // 10.96.0.0
    private const uint ServiceRangeSize = 1u << 20;                  // /12
    private const int NodePortStart = 30000;
    private const int NodePortCount = 2768;                          // 30000-32767

    private static readonly DecodeErrors Decode = new("Service", "v1");

    /// <inheritdoc />
    public bool TracksGeneration => false;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj)
    {
        Decode.RequireMetadataTypes(obj);
        Decode.RequireKind(obj, "spec", System.Text.Json.JsonValueKind.Object, "Service.spec", "v1.ServiceSpec");
        var spec = obj.GetOrAddObject("spec");
        spec.DefaultString("type", "ClusterIP");
        spec.DefaultString("sessionAffinity", "None");
        if (spec.GetString("sessionAffinity") == "None")
        {
            spec.Remove("sessionAffinityConfig");
        }
        else if (spec.GetString("sessionAffinity") == "ClientIP")
        {
            spec.GetOrAddObject("sessionAffinityConfig").GetOrAddObject("clientIP").DefaultValue("timeoutSeconds", 10800);
        }

        foreach (var (_, port) in spec.Objects("ports"))
        {
            port.DefaultString("protocol", "TCP");
            if (port["targetPort"] is null || port.GetInteger("targetPort") == 0 || port.GetString("targetPort") == "")
            {
                port["targetPort"] = port["port"]?.DeepClone();
            }
        }

        var type = spec.GetStringOrEmpty("type");
        var externallyAccessible = type is "NodePort" or "LoadBalancer";
        if (externallyAccessible)
        {
            spec.DefaultString("externalTrafficPolicy", "Cluster");
        }

        if (type is "ClusterIP" or "NodePort" or "LoadBalancer")
        {
            spec.DefaultString("internalTrafficPolicy", "Cluster");
            AllocateClusterIp(obj, spec);
        }

        if (type == "LoadBalancer")
        {
            spec.DefaultValue("allocateLoadBalancerNodePorts", true);
        }

        if (externallyAccessible)
        {
            AllocateNodePorts(obj, spec);
        }

        obj.GetOrAddObject("status").GetOrAddObject("loadBalancer");
    }

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old) => ServiceValidation.Validate(obj, old);

    private static void AllocateClusterIp(JsonObject obj, JsonObject spec)
    {
        var clusterIp = spec.GetStringOrEmpty("clusterIP");
        if (clusterIp.Length == 0)
        {
            clusterIp = DerivedClusterIp(ObjectMetaHash(obj, ""));
            spec["clusterIP"] = clusterIp;
        }

        spec.DefaultValue("clusterIPs", new JsonArray(clusterIp));
        spec.DefaultValue("ipFamilies", new JsonArray("IPv4"));
        spec.DefaultString("ipFamilyPolicy", "SingleStack");
    }

    private static void AllocateNodePorts(JsonObject obj, JsonObject spec)
    {
        foreach (var (index, port) in spec.Objects("ports"))
        {
            if (port.GetInteger("nodePort") is null or 0)
            {
                var hash = ObjectMetaHash(obj, index.ToString(CultureInfo.InvariantCulture));
                port["nodePort"] = NodePortStart + (int)(hash % NodePortCount);
            }
        }
    }

    // Skips the network address and 10.96.0.1, which kube-apiserver keeps for the "kubernetes" service.
    private static string DerivedClusterIp(uint hash)
    {
        var address = ServiceRangeStart + 2 + (hash % (ServiceRangeSize - 3));
        return string.Join('.', new[] { address >> 24, (address >> 16) & 255, (address >> 8) & 255, address & 255 }
            .Select(octet => octet.ToString(CultureInfo.InvariantCulture)));
    }

    // FNV-1a over namespace/name/salt: stable across processes, unlike string.GetHashCode.
    private static uint ObjectMetaHash(JsonObject obj, string salt)
    {
        var meta = obj.GetObject("metadata");
        var key = meta.GetStringOrEmpty("namespace") + "/" + meta.GetStringOrEmpty("name") + "/" + salt;
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
