using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Operators.LocalRun;

/// <summary>
/// Turns a multi-document YAML manifest into JSON objects, the only body format the local API server
/// takes. Plain scalars follow the YAML 1.2 core schema (null, booleans, integers, floats); quoted and
/// block scalars are strings. Empty documents are skipped.
/// </summary>
internal static partial class YamlManifests
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Parses every document of <paramref name="yaml"/>.</summary>
    /// <param name="yaml">The manifest text.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    /// <returns>One JSON object per non-empty document, in order.</returns>
    /// <exception cref="LaunchException">The text is not YAML, or a document is not a mapping.</exception>
    public static IReadOnlyList<JsonObject> Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new LaunchException($"{source} is not valid YAML (line {e.Start.Line}): {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this for some malformed flow collections.
            throw new LaunchException($"{source} is not valid YAML: {e.Message}", e);
        }

        var documents = new List<JsonObject>();
        foreach (var document in stream.Documents)
        {
            switch (ToJson(document.RootNode))
            {
                case null:
                    continue;
                case JsonObject obj:
                    documents.Add(obj);
                    break;
                default:
                    throw new LaunchException($"{source}: document {documents.Count + 1} is not a mapping (an object with apiVersion, kind, metadata)");
            }
        }

        return documents;
    }

    /// <summary>Converts one YAML node.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The JSON node; null for a YAML null.</returns>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new LaunchException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static JsonObject Mapping(YamlMappingNode mapping)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : throw new LaunchException($"a mapping key at line {key.Start.Line} is not a plain value");
            obj[name] = ToJson(value);
        }

        return obj;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when FloatPattern().IsMatch(text) => JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
