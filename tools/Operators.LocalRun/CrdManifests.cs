using System.Text.Json.Nodes;

namespace Operators.LocalRun;

/// <summary>
/// The three CRDs, read from the charts (<c>charts/&lt;chart&gt;/templates/crd.yaml</c>): the one copy of
/// each CRD, generated from the C# types and checked against them by the chart tests. The helm
/// wrapper (<c>{{- if .Values.crds.install }}</c> ... <c>{{- end }}</c>) is dropped; any other template
/// expression is an error.
/// </summary>
internal static class CrdManifests
{
    /// <summary>Reads the CRD of each operator.</summary>
    /// <param name="layout">The repository.</param>
    /// <returns>The CRDs, in <see cref="OperatorProgram.All"/> order.</returns>
    /// <exception cref="LaunchException">A template is missing or not plain YAML once unwrapped.</exception>
    public static IReadOnlyList<JsonObject> Load(RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var crds = new List<JsonObject>();
        foreach (var program in OperatorProgram.All)
        {
            var path = layout.CrdTemplate(program);
            if (!File.Exists(path))
            {
                throw new LaunchException($"{Path.GetRelativePath(layout.Root, path)} is missing: generate the CRDs first (make crds)");
            }

            var source = Path.GetRelativePath(layout.Root, path);
            crds.AddRange(YamlManifests.Parse(Unwrap(File.ReadAllText(path), source), source));
        }

        return crds;
    }

    /// <summary>Removes the helm wrapper lines of a CRD template.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="source">Its name, for errors.</param>
    /// <returns>Plain YAML.</returns>
    /// <exception cref="LaunchException">Another template expression is present.</exception>
    public static string Unwrap(string template, string source)
    {
        ArgumentNullException.ThrowIfNull(template);
        var lines = template.ReplaceLineEndings("\n").Split('\n')
            .Where(line => !(line.TrimStart().StartsWith("{{", StringComparison.Ordinal) && line.TrimEnd().EndsWith("}}", StringComparison.Ordinal)
                && (line.Contains(" if ", StringComparison.Ordinal) || line.Contains(" end ", StringComparison.Ordinal))))
            .ToList();
        var expression = lines.FindIndex(line => line.Contains("{{", StringComparison.Ordinal));
        return expression < 0
            ? string.Join('\n', lines)
            : throw new LaunchException($"{source} holds a template expression besides the crds.install wrapper: {lines[expression].Trim()}");
    }
}
