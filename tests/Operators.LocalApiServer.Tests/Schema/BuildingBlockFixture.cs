using System.Text.Json.Nodes;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>
/// The BuildingBlock-shaped CRD the conformance scenarios (crd-validation, crd-defaulting, crd-pruning,
/// crd-listmap-duplicates, field-validation, status-subresource-isolation) create, and helpers around it.
/// </summary>
internal static class BuildingBlockFixture
{
    /// <summary>The CustomResourceDefinition exactly as the scenarios send it.</summary>
    public const string CustomResourceDefinitionJson = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": {
            "name": "bbvalidations.conformance.operators.dev"
          },
          "spec": {
            "group": "conformance.operators.dev",
            "scope": "Namespaced",
            "names": {
              "plural": "bbvalidations",
              "singular": "bbvalidation",
              "kind": "BbValidation",
              "listKind": "BbValidationList",
              "shortNames": [
                "bbval"
              ],
              "categories": [
                "conformance"
              ]
            },
            "versions": [
              {
                "name": "v1alpha1",
                "served": true,
                "storage": true,
                "schema": {
                  "openAPIV3Schema": {
                    "type": "object",
                    "properties": {
                      "spec": {
                        "type": "object",
                        "required": [
                          "availabilityZone",
                          "agentTemplate"
                        ],
                        "properties": {
                          "availabilityZone": {
                            "type": "string",
                            "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
                            "maxLength": 63
                          },
                          "hosts": {
                            "type": "array",
                            "maxItems": 256,
                            "default": [],
                            "x-kubernetes-list-type": "map",
                            "x-kubernetes-list-map-keys": [
                              "name"
                            ],
                            "items": {
                              "type": "object",
                              "required": [
                                "name"
                              ],
                              "properties": {
                                "name": {
                                  "type": "string",
                                  "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
                                  "maxLength": 63
                                },
                                "nodeName": {
                                  "type": "string"
                                }
                              }
                            }
                          },
                          "agentTemplate": {
                            "type": "object",
                            "required": [
                              "image"
                            ],
                            "properties": {
                              "image": {
                                "type": "string",
                                "minLength": 1
                              },
                              "computeDriver": {
                                "type": "string",
                                "default": "libvirt.LibvirtDriver",
                                "enum": [
                                  "libvirt.LibvirtDriver",
                                  "vmwareapi.VMwareVCDriver",
                                  "ironic.IronicDriver",
                                  "fake.FakeDriver"
                                ]
                              },
                              "gracefulShutdownSeconds": {
                                "type": "integer",
                                "format": "int32",
                                "minimum": 0,
                                "maximum": 3600,
                                "default": 300
                              },
                              "customServiceConfig": {
                                "type": "string",
                                "maxLength": 65536
                              },
                              "nodeSelector": {
                                "type": "object",
                                "additionalProperties": {
                                  "type": "string"
                                }
                              },
                              "extra": {
                                "type": "object",
                                "x-kubernetes-preserve-unknown-fields": true
                              }
                            }
                          },
                          "maintenance": {
                            "type": "object",
                            "required": [
                              "reason"
                            ],
                            "properties": {
                              "reason": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 255
                              }
                            }
                          }
                        }
                      },
                      "status": {
                        "type": "object",
                        "properties": {
                          "observedGeneration": {
                            "type": "integer",
                            "format": "int64"
                          },
                          "desiredAgents": {
                            "type": "integer",
                            "format": "int32"
                          },
                          "readyAgents": {
                            "type": "integer",
                            "format": "int32"
                          },
                          "conditions": {
                            "type": "array",
                            "x-kubernetes-list-type": "map",
                            "x-kubernetes-list-map-keys": [
                              "type"
                            ],
                            "items": {
                              "type": "object",
                              "required": [
                                "type",
                                "status",
                                "reason",
                                "lastTransitionTime"
                              ],
                              "properties": {
                                "type": {
                                  "type": "string",
                                  "maxLength": 316
                                },
                                "status": {
                                  "type": "string",
                                  "enum": [
                                    "True",
                                    "False",
                                    "Unknown"
                                  ]
                                },
                                "reason": {
                                  "type": "string",
                                  "minLength": 1,
                                  "maxLength": 1024,
                                  "pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"
                                },
                                "message": {
                                  "type": "string",
                                  "maxLength": 32768
                                },
                                "observedGeneration": {
                                  "type": "integer",
                                  "format": "int64",
                                  "minimum": 0
                                },
                                "lastTransitionTime": {
                                  "type": "string",
                                  "format": "date-time"
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                },
                "additionalPrinterColumns": [
                  {
                    "name": "Zone",
                    "type": "string",
                    "jsonPath": ".spec.availabilityZone"
                  },
                  {
                    "name": "Desired",
                    "type": "integer",
                    "jsonPath": ".status.desiredAgents"
                  },
                  {
                    "name": "Ready Agents",
                    "type": "integer",
                    "jsonPath": ".status.readyAgents"
                  },
                  {
                    "name": "Maintenance",
                    "type": "string",
                    "jsonPath": ".spec.maintenance.reason"
                  },
                  {
                    "name": "Ready",
                    "type": "string",
                    "jsonPath": ".status.conditions[?(@.type==\"Ready\")].status"
                  },
                  {
                    "name": "Age",
                    "type": "date",
                    "jsonPath": ".metadata.creationTimestamp"
                  },
                  {
                    "name": "Reason",
                    "type": "string",
                    "priority": 1,
                    "jsonPath": ".status.conditions[?(@.type==\"Ready\")].reason"
                  }
                ],
                "subresources": {
                  "status": {}
                }
              }
            ]
          }
        }
        """;

    /// <summary>A fresh copy of the CRD.</summary>
    public static JsonObject CustomResourceDefinition() => JsonNode.Parse(CustomResourceDefinitionJson)!.AsObject();

    /// <summary>A fresh copy of the version's openAPIV3Schema.</summary>
    public static JsonObject OpenApiV3Schema() =>
        CustomResourceDefinition()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();

    /// <summary>The parsed schema.</summary>
    public static CustomResourceSchema Schema() => CustomResourceSchema.Create(OpenApiV3Schema());

    /// <summary>A valid resource with the given spec (JSON), as the scenarios post it.</summary>
    public static JsonObject Resource(string specJson) => new()
    {
        ["apiVersion"] = "conformance.operators.dev/v1alpha1",
        ["kind"] = "BbValidation",
        ["metadata"] = new JsonObject { ["name"] = "v1" },
        ["spec"] = JsonNode.Parse(specJson),
    };

    /// <summary>Parses a JSON object literal.</summary>
    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();
}
