using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Finds the recorded conformance scenarios: <c>../shared/apiserver-conformance</c> beside the
/// repository root (the folder holding <c>Operators.sln</c>), with <c>scenarios/*.json</c> and
/// <c>expected/*.json</c>.
/// </summary>
public static class ConformanceFiles
{
    private const string SolutionFile = "Operators.sln";

    /// <summary>The repository root above <paramref name="startDirectory"/>, or null when there is none.</summary>
    public static string? FindRepositoryRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// The conformance folder as seen from the test assembly; null (with the reason in
    /// <paramref name="problem"/>) when it cannot be found.
    /// </summary>
    public static string? FindFolder(out string problem)
    {
        var root = FindRepositoryRoot(AppContext.BaseDirectory);
        if (root is null)
        {
            problem = $"No {SolutionFile} above {AppContext.BaseDirectory}: cannot find the repository root, so not ../shared/apiserver-conformance either.";
            return null;
        }

        var folder = Path.GetFullPath(Path.Combine(root, "..", "shared", "apiserver-conformance"));
        if (!Directory.Exists(Path.Combine(folder, "scenarios")) || !Directory.Exists(Path.Combine(folder, "expected")))
        {
            problem = $"The conformance scenarios are missing: expected {folder}/scenarios and {folder}/expected "
                + "(the shared folder ../shared/apiserver-conformance beside the repository root).";
            return null;
        }

        problem = string.Empty;
        return folder;
    }

    /// <summary>The scenario names (file names without <c>.json</c>), sorted.</summary>
    public static IReadOnlyList<string> ScenarioNames(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "scenarios"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The parsed <c>scenarios/&lt;name&gt;.json</c>.</summary>
    public static JsonObject LoadScenario(string folder, string name) => Load(Path.Combine(folder, "scenarios", name + ".json"));

    /// <summary>The parsed <c>expected/&lt;name&gt;.json</c>.</summary>
    public static JsonObject LoadExpected(string folder, string name) => Load(Path.Combine(folder, "expected", name + ".json"));

    private static JsonObject Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException(path + " does not hold a JSON object.");
}
