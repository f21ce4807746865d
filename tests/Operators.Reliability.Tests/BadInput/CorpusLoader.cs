using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Operators.Api;
using Operators.LocalRun;
using YamlDotNet.RepresentationModel;

namespace Operators.Reliability.Tests.BadInput;

/// <summary>
/// Reads the corpus (<c>BadInput/Corpus/*.yaml</c>, copied next to the test assembly): a YAML list of cases per
/// file. Fills in <c>apiVersion</c> and <c>namespace</c>, and expands the placeholders
/// <c>$repeat:&lt;character&gt;:&lt;count&gt;</c> (inside any string) and <c>$hosts:&lt;count&gt;</c> (a whole value).
/// </summary>
internal static partial class CorpusLoader
{
    /// <summary>Gets the folder of the corpus files.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "BadInput", "Corpus");

    /// <summary>Loads every case of every corpus file.</summary>
    /// <param name="namespaceName">The namespace the objects go to.</param>
    /// <returns>The cases, by file and then in file order.</returns>
    public static IReadOnlyList<CorpusCase> LoadAll(string namespaceName) =>
        [.. Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).SelectMany(f => Load(f, namespaceName))];

    /// <summary>Loads the cases of one file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="namespaceName">The namespace the objects go to.</param>
    /// <returns>The cases in file order.</returns>
    public static IReadOnlyList<CorpusCase> Load(string path, string namespaceName)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            stream.Load(reader);
        }

        var file = Path.GetFileName(path);
        var list = YamlManifests.ToJson(stream.Documents[0].RootNode) as JsonArray
            ?? throw new InvalidDataException($"{file} is not a list of cases");
        return [.. list.Select(node => Case(file, (JsonObject)Expand(node)!, namespaceName))];
    }

    private static CorpusCase Case(string file, JsonObject item, string namespaceName)
    {
        var name = Text(item, "case") ?? throw new InvalidDataException($"{file}: a case without a name");
        var expect = item["expect"] as JsonObject ?? throw new InvalidDataException($"{file}/{name}: no expect");
        var message = expect["message"] is JsonArray words ? words.Select(w => w!.GetValue<string>()).ToList() : [];
        var expectation = new CorpusExpectation(
            (int?)expect["code"]?.GetValue<long>(), Text(expect, "field"), Text(expect, "condition") ?? "Ready", Text(expect, "reason"), message);
        if (expectation.IsRefusal == (expectation.Reason is not null))
        {
            throw new InvalidDataException($"{file}/{name}: expect either code and field or reason and message");
        }

        var given = item["given"] is JsonArray objects ? objects.Select(o => Complete((JsonObject)o!, namespaceName)).ToList() : [];
        var create = item["create"] is JsonObject created ? Complete(created, namespaceName) : null;
        var patch = item["patch"] is JsonObject p
            ? new CorpusPatch(Text(p, "kind")!, Text(p, "name")!, (JsonObject)p["merge"]!.DeepClone())
            : null;
        if ((create is null) == (patch is null))
        {
            throw new InvalidDataException($"{file}/{name}: a case either creates or patches");
        }

        return new CorpusCase(file, name, Text(item, "why") ?? string.Empty, Text(item, "via") == "kubectl", given, create, patch, expectation);
    }

    private static JsonObject Complete(JsonObject manifest, string namespaceName)
    {
        var copy = (JsonObject)manifest.DeepClone();
        var kind = Text(copy, "kind") ?? throw new InvalidDataException("an object without kind");
        copy["apiVersion"] ??= CorpusResources.Of(kind).ApiVersion;
        var metadata = copy["metadata"] as JsonObject ?? throw new InvalidDataException($"a {kind} without metadata");
        metadata["namespace"] ??= namespaceName;
        // Keep apiVersion and kind first, as a person writes them.
        var ordered = new JsonObject { ["apiVersion"] = copy["apiVersion"]!.DeepClone(), ["kind"] = kind };
        foreach (var (key, value) in copy)
        {
            if (key is not ("apiVersion" or "kind"))
            {
                ordered[key] = value?.DeepClone();
            }
        }

        return ordered;
    }

    private static JsonNode? Expand(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Expand(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Expand)]),
        JsonValue value when value.TryGetValue<string>(out var text) => ExpandText(text),
        _ => node?.DeepClone(),
    };

    private static JsonNode ExpandText(string text)
    {
        if (HostsPlaceholder().Match(text) is { Success: true } hosts)
        {
            var count = int.Parse(hosts.Groups["count"].Value, CultureInfo.InvariantCulture);
            return new JsonArray([.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject { ["name"] = string.Create(CultureInfo.InvariantCulture, $"bad-many-{i:000}") })]);
        }

        return JsonValue.Create(RepeatPlaceholder().Replace(text, m =>
            new string(m.Groups["char"].Value[0], int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture))));
    }

    private static string? Text(JsonObject obj, string key) => obj[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex(@"^\$hosts:(?<count>\d+)$")]
    private static partial Regex HostsPlaceholder();

    [GeneratedRegex(@"\$repeat:(?<char>.):(?<count>\d+)")]
    private static partial Regex RepeatPlaceholder();
}
