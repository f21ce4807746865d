using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Tables;

/// <summary>The printer columns and objects of the recorded <c>table-output</c> conformance scenario.</summary>
internal static class ConformanceFixtures
{
    public static DateTimeOffset Now { get; } = new(2025, 1, 2, 3, 9, 5, TimeSpan.Zero);

    public static JsonArray PrinterColumns() => JsonNode.Parse("""
        [
          {"name": "Zone", "type": "string", "jsonPath": ".spec.availabilityZone"},
          {"name": "Desired", "type": "integer", "jsonPath": ".status.desiredAgents"},
          {"name": "Ready Agents", "type": "integer", "jsonPath": ".status.readyAgents"},
          {"name": "Maintenance", "type": "string", "jsonPath": ".spec.maintenance.reason"},
          {"name": "Ready", "type": "string", "jsonPath": ".status.conditions[?(@.type==\"Ready\")].status"},
          {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"},
          {"name": "Reason", "type": "string", "priority": 1, "jsonPath": ".status.conditions[?(@.type==\"Ready\")].reason"}
        ]
        """)!.AsArray();

    public static JsonObject InMaintenance() => JsonNode.Parse("""
        {
          "apiVersion": "conformance.operators.dev/v1alpha1",
          "kind": "BbTable",
          "metadata": {
            "name": "bb091", "namespace": "conf-abc123", "uid": "5c1f0a43-0000-4000-8000-000000000001",
            "resourceVersion": "1042", "generation": 1, "creationTimestamp": "2025-01-02T03:04:05Z"
          },
          "spec": {
            "availabilityZone": "qa-de-1a",
            "agentTemplate": {"image": "registry.example/nova-compute:2024.1"},
            "hosts": [{"name": "n1"}],
            "maintenance": {"reason": "CHG0123456 BIOS update"}
          },
          "status": {
            "desiredAgents": 1,
            "readyAgents": 0,
            "conditions": [
              {"type": "Maintenance", "status": "True", "reason": "Entering", "lastTransitionTime": "2024-01-01T00:00:00Z"},
              {"type": "Ready", "status": "False", "reason": "InMaintenance", "lastTransitionTime": "2024-01-01T00:00:00Z"}
            ]
          }
        }
        """)!.AsObject();

    public static JsonObject WithoutStatus() => JsonNode.Parse("""
        {
          "apiVersion": "conformance.operators.dev/v1alpha1",
          "kind": "BbTable",
          "metadata": {
            "name": "bb092", "namespace": "conf-abc123", "uid": "5c1f0a43-0000-4000-8000-000000000002",
            "resourceVersion": "1043", "generation": 1, "creationTimestamp": "2025-01-02T00:09:05Z"
          },
          "spec": {"availabilityZone": "qa-de-1b", "agentTemplate": {"image": "registry.example/nova-compute:2024.1"}}
        }
        """)!.AsObject();
}
