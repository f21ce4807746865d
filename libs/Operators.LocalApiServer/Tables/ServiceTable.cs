using System.Globalization;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Services: <c>Name</c>, <c>Type</c>, <c>Cluster-IP</c>, <c>External-IP</c>, <c>Port(s)</c>
/// (<c>80/TCP</c>, <c>80:30080/TCP</c>), <c>Age</c> and, at priority 1, <c>Selector</c>.
/// </summary>
internal static class ServiceTable
{
    private const string None = "<none>";

    /// <summary>The definition.</summary>
    public static TableDefinition Definition { get; } = new(
        [
            CommonColumns.Name,
            new TableColumn("Type", "string", Description: "How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName."),
            new TableColumn("Cluster-IP", "string", Description: "The first cluster IP of the service."),
            new TableColumn("External-IP", "string", Description: "The external IPs, load-balancer addresses or external name."),
            new TableColumn("Port(s)", "string", Description: "The ports the service exposes."),
            CommonColumns.Age,
            new TableColumn("Selector", "string", Priority: 1, Description: "The labels of the pods the service routes to."),
        ],
        (obj, now) => new JsonArray(
            JsonValue.Create(TableJson.Name(obj)),
            JsonValue.Create(TableJson.Text(obj, "spec", "type")),
            JsonValue.Create(ClusterIp(obj)),
            JsonValue.Create(ExternalIp(obj)),
            JsonValue.Create(Ports(obj)),
            JsonValue.Create(CommonColumns.AgeOf(obj, now)),
            JsonValue.Create(Selector(obj))));

    private static string ClusterIp(JsonObject obj)
    {
        // Defaulting fills clusterIPs from clusterIP; the first one is shown.
        var ips = Strings(TableJson.Items(obj, "spec", "clusterIPs"));
        var first = ips.Count > 0 ? ips[0] : TableJson.Text(obj, "spec", "clusterIP");
        return ips.Count > 0 || first.Length > 0 ? first : None;
    }

    private static string ExternalIp(JsonObject obj)
    {
        var externalIps = Strings(TableJson.Items(obj, "spec", "externalIPs"));
        switch (TableJson.Text(obj, "spec", "type"))
        {
            case "ClusterIP" or "NodePort":
                return externalIps.Count > 0 ? string.Join(',', externalIps) : None;
            case "LoadBalancer":
                var ingress = TableJson.Items(obj, "status", "loadBalancer", "ingress")
                    .Select(i => TableJson.Text(i, "ip") is { Length: > 0 } ip ? ip : TableJson.Text(i, "hostname"))
                    .Where(address => address.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (externalIps.Count > 0)
                {
                    return string.Join(',', ingress.Concat(externalIps));
                }

                return ingress.Count > 0 ? string.Join(',', ingress) : "<pending>";
            case "ExternalName":
                return TableJson.Text(obj, "spec", "externalName");
            default:
                return "<unknown>";
        }
    }

    private static string Ports(JsonObject obj)
    {
        var ports = TableJson.Items(obj, "spec", "ports").Select(port =>
        {
            var number = TableJson.Integer(port, ["port"]).ToString(CultureInfo.InvariantCulture);
            var nodePort = TableJson.Integer(port, ["nodePort"]);
            var protocol = TableJson.Text(port, "protocol");
            return nodePort > 0
                ? number + ":" + nodePort.ToString(CultureInfo.InvariantCulture) + "/" + protocol
                : number + "/" + protocol;
        });
        var text = string.Join(',', ports);
        return text.Length > 0 ? text : None;
    }

    private static string Selector(JsonObject obj)
    {
        var labels = TableJson.Members(obj, "spec", "selector")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + TableJson.Text(p.Value));
        var text = string.Join(',', labels);
        return text.Length > 0 ? text : None;
    }

    private static List<string> Strings(IReadOnlyList<JsonNode?> items) =>
        items.Select(item => GoJson.KindOf(item) == GoJsonKind.String ? item!.GetValue<string>() : "").ToList();
}
