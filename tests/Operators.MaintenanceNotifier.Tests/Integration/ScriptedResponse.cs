namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>How the receiver answers one request: a status code, after a delay, with headers.</summary>
public sealed record ScriptedResponse(int StatusCode, TimeSpan Delay = default, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Status(int code) => new(code);
}
