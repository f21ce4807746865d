namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>A path of a <c>record</c>: the key it is recorded under (as written) and the path evaluated (substituted).</summary>
/// <param name="Key">The path as the scenario wrote it.</param>
/// <param name="Path">The path with <c>${...}</c> substituted.</param>
internal sealed record RecordedPath(string Key, string Path);
