using System.Text.Json.Nodes;

namespace Operators.Soak;

/// <summary>What the soak wants of one building block; it is the only writer of the blocks' specs.</summary>
internal sealed class DesiredBlock
{
    /// <summary>Initializes a new instance of the <see cref="DesiredBlock"/> class from the block as applied.</summary>
    /// <param name="block">The BuildingBlock object.</param>
    public DesiredBlock(JsonObject block)
    {
        ArgumentNullException.ThrowIfNull(block);
        Name = block["metadata"]?["name"]?.GetValue<string>() ?? throw new ArgumentException("the block has no name", nameof(block));
        Labels = (block["metadata"]?["labels"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal)
            ?? [];
        Hosts = [.. (block["spec"]?["hosts"] as JsonArray ?? []).Select(h => h?["name"]?.GetValue<string>()).OfType<string>()];
        BaseConfig = block["spec"]?["agentTemplate"]?["customServiceConfig"]?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>Gets the block's name.</summary>
    public string Name { get; }

    /// <summary>Gets the block's labels (the notifiers select on them; the soak never changes them).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Gets the host names, in spec order.</summary>
    public List<string> Hosts { get; }

    /// <summary>Gets or sets a value indicating whether maintenance is requested.</summary>
    public bool InMaintenance { get; set; }

    /// <summary>Gets or sets the maintenance reason, kept for the whole maintenance.</summary>
    public string MaintenanceReason { get; set; } = "soak";

    /// <summary>Gets or sets when maintenance was last requested or released (a block keeps each state a while, so two transitions never share a second).</summary>
    public DateTimeOffset MaintenanceChangedAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Gets or sets the revision of the agents' configuration (each change rolls every agent of the block).</summary>
    public int ConfigRevision { get; set; }

    /// <summary>Gets the configuration the samples gave the agents.</summary>
    public string BaseConfig { get; }

    /// <summary>Gets the object path.</summary>
    public string Path => ResilientApi.CustomResources + "buildingblocks/" + Name;

    /// <summary>The merge patch that sets the whole desired spec (idempotent, so safe to resend).</summary>
    /// <returns>The patch.</returns>
    public JsonObject SpecPatch() => new()
    {
        ["spec"] = new JsonObject
        {
            ["hosts"] = new JsonArray([.. Hosts.Select(h => (JsonNode)new JsonObject { ["name"] = h })]),
            ["maintenance"] = InMaintenance ? new JsonObject { ["reason"] = MaintenanceReason } : null,
            ["agentTemplate"] = new JsonObject { ["customServiceConfig"] = Config() },
        },
    };

    private string Config() =>
        ConfigRevision == 0 ? BaseConfig : BaseConfig + $"# soak revision {ConfigRevision.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n";
}
