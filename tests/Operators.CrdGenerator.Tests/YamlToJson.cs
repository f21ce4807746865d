using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Operators.CrdGenerator.Tests;

/// <summary>Reads YAML documents as JSON the way kubectl does (YAML 1.2 core schema for plain scalars).</summary>
internal static partial class YamlToJson
{
    /// <summary>Every non-empty document of <paramref name="yaml"/>.</summary>
    public static List<JsonObject> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents
            .Where(d => d.RootNode is YamlMappingNode)
            .Select(d => Convert(d.RootNode)!.AsObject())
            .ToList();
    }

    /// <summary>The single document of <paramref name="yaml"/>.</summary>
    public static JsonObject Document(string yaml) => Documents(yaml).Single();

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(
            c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when Integer().IsMatch(text) => JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)),
            _ when Float().IsMatch(text) => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
