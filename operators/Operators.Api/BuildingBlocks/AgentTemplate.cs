using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Operators.Api.BuildingBlocks;

/// <summary>What every NovaAgent of a block runs.</summary>
public sealed class AgentTemplate
{
    /// <summary>The nova-compute container image.</summary>
    [JsonPropertyName("image")]
    [Required]
    [StringLength(1024, MinimumLength = 1)]
    [RegularExpression(ValidationPatterns.ImageReference)]
    public string Image { get; set; } = "";

    /// <summary>nova's <c>compute_driver</c>.</summary>
    [JsonPropertyName("computeDriver")]
    [AllowedValues(ComputeDrivers.Libvirt, ComputeDrivers.VMware, ComputeDrivers.Ironic, ComputeDrivers.Fake)]
    [DefaultValue(ComputeDrivers.Libvirt)]
    public string? ComputeDriver { get; set; }

    /// <summary>Seconds nova-compute gets to stop gracefully (<c>graceful_shutdown_timeout</c>).</summary>
    [JsonPropertyName("gracefulShutdownSeconds")]
    [Range(0, 3600)]
    [DefaultValue(NovaAgents.NovaAgentSpec.DefaultGracefulShutdownSeconds)]
    public int? GracefulShutdownSeconds { get; set; }

    /// <summary>Raw oslo.config ini appended after the generated configuration.</summary>
    [JsonPropertyName("customServiceConfig")]
    [StringLength(NovaAgents.NovaAgentSpec.CustomServiceConfigMaxLength)]
    public string? CustomServiceConfig { get; set; }

    /// <summary>Compute resources of the nova-compute container.</summary>
    [JsonPropertyName("resources")]
    public V1ResourceRequirements? Resources { get; set; }

    /// <summary>Node labels the agents' pods must match.</summary>
    [JsonPropertyName("nodeSelector")]
    public IDictionary<string, string>? NodeSelector { get; set; }
}
