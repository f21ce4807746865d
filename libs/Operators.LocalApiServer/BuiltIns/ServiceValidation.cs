using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>The Service checks an operator or kubectl can run into: type, ports, selector, cluster IP.</summary>
internal static class ServiceValidation
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    private static readonly string[] Affinities = ["ClientIP", "None"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    /// <summary>Validates a Service on create (<paramref name="old"/> null) or update.</summary>
    public static IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        ObjectMetaRules.Validate(obj, namespaced: true, NameRules.DnsLabel, standardFinalizers: true, causes);
        if (old is not null)
        {
            ObjectMetaRules.ValidateUpdate(obj, old, causes);
        }

        var spec = obj.GetObject("spec");
        var type = spec.GetStringOrEmpty("type");
        if (!Types.Contains(type))
        {
            causes.Add(FieldCauses.NotSupported("spec.type", type, Types));
        }

        var affinity = spec.GetStringOrEmpty("sessionAffinity");
        if (!Affinities.Contains(affinity))
        {
            causes.Add(FieldCauses.NotSupported("spec.sessionAffinity", affinity, Affinities));
        }

        var clusterIp = spec.GetStringOrEmpty("clusterIP");
        if (type == "ExternalName")
        {
            var externalName = spec.GetStringOrEmpty("externalName");
            if (externalName.Length == 0)
            {
                causes.Add(FieldCauses.Required("spec.externalName"));
            }
            else
            {
                causes.AddRange(FieldCauses.InvalidEach("spec.externalName", externalName,
                    ContentRules.Dns1123Subdomain(externalName.TrimEnd('.'))));
            }
        }
        else if (clusterIp.Length > 0 && clusterIp != "None" && !IsIPv4(clusterIp))
        {
            causes.Add(FieldCauses.Invalid("spec.clusterIPs[0]", clusterIp, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        }

        ValidatePorts(spec, type, clusterIp == "None", causes);
        ObjectMetaRules.ValidateLabels(spec.GetObject("selector"), "spec.selector", causes);

        var oldClusterIp = old?.GetObject("spec").GetStringOrEmpty("clusterIP") ?? "";
        if (old is not null && oldClusterIp.Length > 0 && clusterIp != oldClusterIp && type != "ExternalName")
        {
            causes.Add(FieldCauses.InvalidRendered("spec.clusterIPs[0]", GoLiteral.StringSlice([clusterIp]), "may not change once set"));
        }

        return causes;
    }

    private static void ValidatePorts(JsonObject? spec, string type, bool headless, List<StatusCause> causes)
    {
        var ports = spec.Objects("ports").ToList();
        if (ports.Count == 0 && type != "ExternalName" && !headless)
        {
            causes.Add(FieldCauses.Required("spec.ports"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var portsAndProtocols = new HashSet<(long, string)>();
        foreach (var (index, port) in ports)
        {
            var path = $"spec.ports[{index}]";
            var name = port.GetStringOrEmpty("name");
            if (ports.Count > 1 && name.Length == 0)
            {
                causes.Add(FieldCauses.Required(path + ".name"));
            }
            else if (name.Length > 0)
            {
                causes.AddRange(FieldCauses.InvalidEach(path + ".name", name, ContentRules.Dns1123Label(name)));
                if (!names.Add(name))
                {
                    causes.Add(FieldCauses.Duplicate(path + ".name", name));
                }
            }

            var number = port.GetInteger("port") ?? 0;
            causes.AddRange(ContentRules.PortNumber(number).Select(message => FieldCauses.Invalid(path + ".port", number, message)));

            var protocol = port.GetStringOrEmpty("protocol");
            if (!Protocols.Contains(protocol))
            {
                causes.Add(FieldCauses.NotSupported(path + ".protocol", protocol, Protocols));
            }
            else if (!portsAndProtocols.Add((number, protocol)))
            {
                causes.Add(FieldCauses.DuplicateRendered(path, port.ToJsonString()));
            }

            if (port.GetString("targetPort") is { } targetName)
            {
                causes.AddRange(FieldCauses.InvalidEach(path + ".targetPort", targetName, ContentRules.PortName(targetName)));
            }
            else if (port.GetInteger("targetPort") is { } targetNumber)
            {
                causes.AddRange(ContentRules.PortNumber(targetNumber).Select(message => FieldCauses.Invalid(path + ".targetPort", targetNumber, message)));
            }
        }
    }

    private static bool IsIPv4(string address) =>
        IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetwork &&
        parsed.ToString() == address;
}
