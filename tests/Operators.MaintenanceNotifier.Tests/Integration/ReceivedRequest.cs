using System.Text;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>One request the receiver got.</summary>
public sealed record ReceivedRequest(string Path, DateTimeOffset ReceivedAt, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
