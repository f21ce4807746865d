namespace Operators.LocalApiServer.Tests.Kubectl;

/// <summary>
/// The YAML the kubectl tests apply: a BuildingBlock-like CRD in a test group (namespaced, status
/// subresource, short name, category, printer columns, structural schema with defaults), its
/// custom resources, and built-in objects. Objects carry no namespace; the tests pass <c>-n</c>.
/// </summary>
internal static class TestManifests
{
    public const string Group = "kubectl.operators.dev";
    public const string CrdName = "buildingblocks." + Group;
    public const string ShortName = "bblk";
    public const string Category = "kubectltests";

    public const string CustomResourceDefinition = $$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: {{CrdName}}
        spec:
          group: {{Group}}
          scope: Namespaced
          names:
            plural: buildingblocks
            singular: buildingblock
            kind: BuildingBlock
            listKind: BuildingBlockList
            shortNames: [{{ShortName}}]
            categories: [{{Category}}]
          versions:
          - name: v1alpha1
            served: true
            storage: true
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Zone
              type: string
              jsonPath: .spec.availabilityZone
            - name: Image
              type: string
              jsonPath: .spec.agentTemplate.image
            - name: Ready
              type: string
              jsonPath: .status.conditions[?(@.type=="Ready")].status
            - name: Age
              type: date
              jsonPath: .metadata.creationTimestamp
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [availabilityZone, agentTemplate]
                    properties:
                      availabilityZone:
                        type: string
                        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'
                        maxLength: 63
                      replicas:
                        type: integer
                        format: int32
                        minimum: 0
                        default: 1
                      agentTemplate:
                        type: object
                        required: [image]
                        properties:
                          image:
                            type: string
                            minLength: 1
                          computeDriver:
                            type: string
                            default: libvirt.LibvirtDriver
                            enum: [libvirt.LibvirtDriver, ironic.IronicDriver, fake.FakeDriver]
                  status:
                    type: object
                    properties:
                      observedGeneration:
                        type: integer
                        format: int64
                      conditions:
                        type: array
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [type]
                        items:
                          type: object
                          required: [type, status]
                          properties:
                            type: {type: string}
                            status: {type: string, enum: ["True", "False", "Unknown"]}
                            reason: {type: string}
                            message: {type: string}
                            lastTransitionTime: {type: string, format: date-time}
        """;

    public const string ConfigMapAndDeployment = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: agent-config
        data:
          nova.conf: |
            [DEFAULT]
            debug = true
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: agent
          labels: {app: agent}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: agent}
          template:
            metadata:
              labels: {app: agent}
            spec:
              containers:
              - name: agent
                image: agent:1
        """;

    /// <summary>A BuildingBlock with the given zone and agent image; everything else defaulted.</summary>
    public static string BuildingBlock(string name, string availabilityZone, string image = "agent:1") => $"""
        apiVersion: {Group}/v1alpha1
        kind: BuildingBlock
        metadata:
          name: {name}
        spec:
          availabilityZone: {availabilityZone}
          agentTemplate:
            image: {image}
        """;

    /// <summary>A merge patch setting the Ready condition, for the status subresource.</summary>
    public static string ReadyCondition(string status) =>
        $$$"""{"status":{"conditions":[{"type":"Ready","status":"{{{status}}}","reason":"Test","message":"set by the test","lastTransitionTime":"2024-01-01T00:00:00Z"}]}}""";
}
