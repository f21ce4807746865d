using System.Text.Json.Nodes;

namespace Operators.Soak;

/// <summary>A MaintenanceNotifier as the soak knows it: identity and selection (fixed), and whether it is suspended.</summary>
internal sealed class DesiredNotifier
{
    /// <summary>Initializes a new instance of the <see cref="DesiredNotifier"/> class from the notifier as applied.</summary>
    /// <param name="notifier">The MaintenanceNotifier object.</param>
    public DesiredNotifier(JsonObject notifier)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        var metadata = notifier["metadata"] ?? throw new ArgumentException("the notifier has no metadata", nameof(notifier));
        Name = metadata["name"]!.GetValue<string>();
        Uid = metadata["uid"]!.GetValue<string>();
        Created = DateTime.Parse(metadata["creationTimestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        Selector = notifier["spec"]?["buildingBlockSelector"] as JsonObject;
        Events = notifier["spec"]?["events"] is JsonArray { Count: > 0 } events
            ? [.. events.Select(e => e!.GetValue<string>())]
            : ["Entered", "Left"];
        Suspended = notifier["spec"]?["suspend"]?.GetValue<bool>() ?? false;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the uid (part of every event id).</summary>
    public string Uid { get; }

    /// <summary>Gets the creation time (UTC): earlier transitions are not delivered.</summary>
    public DateTime Created { get; }

    /// <summary>Gets the building block selector, or null for all blocks.</summary>
    public JsonObject? Selector { get; }

    /// <summary>Gets the event types it delivers.</summary>
    public IReadOnlyList<string> Events { get; }

    /// <summary>Gets or sets a value indicating whether it is suspended.</summary>
    public bool Suspended { get; set; }

    /// <summary>Gets or sets when it was last suspended or resumed.</summary>
    public DateTimeOffset SuspendChangedAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Gets the object path.</summary>
    public string Path => ResilientApi.CustomResources + "maintenancenotifiers/" + Name;

    /// <summary>Whether it follows <paramref name="block"/>.</summary>
    /// <param name="block">The block.</param>
    /// <returns><see langword="true"/> when the selector matches the block's labels.</returns>
    public bool Selects(DesiredBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return LabelSelectors.Matches(Selector, block.Labels);
    }

    /// <summary>The merge patch that sets <see cref="Suspended"/>.</summary>
    /// <returns>The patch.</returns>
    public JsonObject SuspendPatch() => new() { ["spec"] = new JsonObject { ["suspend"] = Suspended } };
}
