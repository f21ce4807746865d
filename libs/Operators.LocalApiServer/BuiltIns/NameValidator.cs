namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// Checks <c>metadata.name</c> (or, with <paramref name="prefix"/>, a <c>generateName</c> that random
/// characters will be appended to) and returns kube-apiserver's messages, none when valid.
/// </summary>
internal delegate IReadOnlyList<string> NameValidator(string name, bool prefix);
