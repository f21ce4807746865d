using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Operators.CrdGenerator;

/// <summary>
/// The <c>&lt;summary&gt;</c> of types and properties, read from the XML documentation file beside
/// their assembly (<c>Foo.dll</c> → <c>Foo.xml</c>), as one line of plain text: whitespace
/// collapsed, <c>&lt;see cref&gt;</c> rendered as the member's name (a property's JSON name),
/// <c>&lt;c&gt;</c> and similar tags as their text. No file, no description.
/// </summary>
internal static partial class XmlDocumentation
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, XElement>> Files = new();

    /// <summary>The summary of <paramref name="type"/>, or null.</summary>
    [RequiresUnreferencedCode("Resolves cref targets by reflection.")]
    public static string? Summary(Type type) => Summary(type.Assembly, "T:" + TypeId(type));

    /// <summary>The summary of <paramref name="property"/>, or null.</summary>
    [RequiresUnreferencedCode("Resolves cref targets by reflection.")]
    public static string? Summary(PropertyInfo property) =>
        Summary(property.DeclaringType!.Assembly, "P:" + TypeId(property.DeclaringType) + "." + property.Name);

    [RequiresUnreferencedCode("Resolves cref targets by reflection.")]
    private static string? Summary(Assembly assembly, string memberId)
    {
        var members = Files.GetOrAdd(assembly, Load);
        if (!members.TryGetValue(memberId, out var member) || member.Element("summary") is not { } summary)
        {
            return null;
        }

        var builder = new StringBuilder();
        Render(summary, assembly, builder);
        var text = Whitespace().Replace(builder.ToString(), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    private static string TypeId(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static IReadOnlyDictionary<string, XElement> Load(Assembly assembly)
    {
        var location = assembly.Location;
        var path = string.IsNullOrEmpty(location) ? null : Path.ChangeExtension(location, ".xml");
        if (path is null || !File.Exists(path))
        {
            return new Dictionary<string, XElement>();
        }

        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            if (member.Attribute("name")?.Value is { } name)
            {
                members[name] = member;
            }
        }

        return members;
    }

    [RequiresUnreferencedCode("Resolves cref targets by reflection.")]
    private static void Render(XElement element, Assembly assembly, StringBuilder builder)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("cref") is { } cref:
                    builder.Append(see.IsEmpty ? CrefText(cref.Value, assembly) : see.Value);
                    break;
                case XElement { Name.LocalName: "see" } see when see.Attribute("langword") is { } word:
                    builder.Append(word.Value);
                    break;
                case XElement { Name.LocalName: "see" } see when see.Attribute("href") is { } href:
                    builder.Append(see.IsEmpty ? href.Value : see.Value);
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    builder.Append(reference.Attribute("name")?.Value);
                    break;
                case XElement { Name.LocalName: "para" or "br" } paragraph:
                    builder.Append(' ');
                    Render(paragraph, assembly, builder);
                    builder.Append(' ');
                    break;
                case XElement other:
                    Render(other, assembly, builder);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>A cref as a reader of the CRD knows it: a property by its JSON name, anything else by its simple name.</summary>
    [RequiresUnreferencedCode("Resolves cref targets by reflection.")]
    private static string CrefText(string cref, Assembly assembly)
    {
        var id = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var lastDot = id.LastIndexOf('.');
        var simpleName = lastDot < 0 ? id : id[(lastDot + 1)..];
        if (cref.StartsWith("P:", StringComparison.Ordinal) && lastDot > 0
            && assembly.GetType(id[..lastDot]) is { } declaring
            && declaring.GetProperty(simpleName)?.GetCustomAttribute<JsonPropertyNameAttribute>() is { } json)
        {
            return json.Name;
        }

        return simpleName;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
