using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Tables;

public class ServiceTableTests
{
    [TestCase(
        """{"spec": {"type": "ClusterIP", "clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10", "fd00::a"], "ports": [{"port": 53, "protocol": "UDP"}, {"port": 9153, "protocol": "TCP"}], "selector": {"tier": "dns", "app": "coredns"}}}""",
        """["demo","ClusterIP","10.96.0.10","<none>","53/UDP,9153/TCP","5m","app=coredns,tier=dns"]""")]
    [TestCase(
        """{"spec": {"type": "ClusterIP", "clusterIP": "None", "clusterIPs": ["None"], "ports": []}}""",
        """["demo","ClusterIP","None","<none>","<none>","5m","<none>"]""")]
    [TestCase(
        """{"spec": {"type": "ClusterIP", "clusterIP": "10.96.0.11", "externalIPs": ["192.0.2.1", "192.0.2.2"], "ports": [{"port": 80, "protocol": "TCP"}]}}""",
        """["demo","ClusterIP","10.96.0.11","192.0.2.1,192.0.2.2","80/TCP","5m","<none>"]""")]
    [TestCase(
        """{"spec": {"type": "ClusterIP"}}""",
        """["demo","ClusterIP","<none>","<none>","<none>","5m","<none>"]""")]
    [TestCase(
        """{"spec": {"type": "NodePort", "clusterIPs": ["10.96.0.12"], "ports": [{"port": 80, "nodePort": 30080, "protocol": "TCP"}]}}""",
        """["demo","NodePort","10.96.0.12","<none>","80:30080/TCP","5m","<none>"]""")]
    [TestCase(
        """{"spec": {"type": "LoadBalancer", "clusterIPs": ["10.96.0.13"], "ports": [{"port": 443, "nodePort": 31443, "protocol": "TCP"}]}}""",
        """["demo","LoadBalancer","10.96.0.13","<pending>","443:31443/TCP","5m","<none>"]""")]
    [TestCase(
        """{"spec": {"type": "LoadBalancer", "clusterIPs": ["10.96.0.13"]}, "status": {"loadBalancer": {"ingress": [{"ip": "203.0.113.9"}, {"hostname": "lb.example"}, {"ip": "203.0.113.1"}]}}}""",
        """["demo","LoadBalancer","10.96.0.13","203.0.113.1,203.0.113.9,lb.example","<none>","5m","<none>"]""")]
    [TestCase(
        """{"spec": {"type": "LoadBalancer", "clusterIPs": ["10.96.0.13"], "externalIPs": ["192.0.2.7"]}, "status": {"loadBalancer": {"ingress": [{"ip": "203.0.113.9"}]}}}""",
        """["demo","LoadBalancer","10.96.0.13","203.0.113.9,192.0.2.7","<none>","5m","<none>"]""")]
    [TestCase(
        """{"spec": {"type": "ExternalName", "externalName": "db.example.com"}}""",
        """["demo","ExternalName","<none>","db.example.com","<none>","5m","<none>"]""")]
    [TestCase(
        """{"spec": {}}""",
        """["demo","","<none>","<unknown>","<none>","5m","<none>"]""")]
    public void Cells_OfAService_AreKubectlsServiceColumns(string fields, string expected)
    {
        BuiltInTableColumnsTests.Cells("", "services", fields).Should().Be(expected);
    }
}
