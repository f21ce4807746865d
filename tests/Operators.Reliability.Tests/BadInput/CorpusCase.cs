using System.Text.Json.Nodes;

namespace Operators.Reliability.Tests.BadInput;

/// <summary>One invalid or hostile input of the corpus and how it must end.</summary>
/// <param name="File">The corpus file it comes from.</param>
/// <param name="Name">The case's name, e.g. <c>bb-zone-uppercase</c>.</param>
/// <param name="Why">What is wrong with it.</param>
/// <param name="ViaKubectl">Whether it is sent through <c>kubectl apply</c> instead of the API.</param>
/// <param name="Given">Objects created first; custom resources among them must get Ready.</param>
/// <param name="Create">The object to create, or null when the case patches.</param>
/// <param name="Patch">The merge patch to send, or null when the case creates.</param>
/// <param name="Expect">How it must end.</param>
internal sealed record CorpusCase(
    string File,
    string Name,
    string Why,
    bool ViaKubectl,
    IReadOnlyList<JsonObject> Given,
    JsonObject? Create,
    CorpusPatch? Patch,
    CorpusExpectation Expect)
{
    /// <summary>Gets the kind of the object under test.</summary>
    public string Kind => Create?["kind"]?.GetValue<string>() ?? Patch!.Kind;

    /// <summary>Gets the name of the object under test.</summary>
    public string ObjectName => Create?["metadata"]?["name"]?.GetValue<string>() ?? Patch!.Name;

    /// <inheritdoc />
    public override string ToString() => Name;
}
