namespace Operators.Soak;

/// <summary>One notification the soak expects: a maintenance transition of a block, for one notifier that follows it.</summary>
/// <param name="Notifier">The notifier's name.</param>
/// <param name="Block">The building block's name.</param>
/// <param name="Event"><c>Entered</c> or <c>Left</c>.</param>
/// <param name="Time">The transition time (UTC, whole seconds).</param>
/// <param name="EventId">The event id it must carry (DESIGN.md 6.3), computed by the soak independently.</param>
internal sealed record ExpectedNotification(string Notifier, string Block, string Event, DateTime Time, string EventId)
{
    /// <summary>Gets or sets the finished phase its delivery record showed (<c>Delivered</c>, <c>Skipped</c>, <c>Failed</c>), or null while none was seen.</summary>
    public string? Phase { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Notifier}: {Block} {Event} at {Time:yyyy-MM-ddTHH:mm:ssZ} ({EventId})";
}
