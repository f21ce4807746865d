using System.Globalization;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// Builds field paths as apimachinery's <c>field.Path</c> prints them: children joined by dots, list
/// indexes and map keys in brackets (<c>spec.hosts[0].name</c>, <c>spec.selector[app]</c>).
/// </summary>
internal static class FieldPath
{
    /// <summary>The child field <paramref name="name"/> of <paramref name="parent"/>.</summary>
    public static string Child(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    /// <summary>The list item at <paramref name="index"/>.</summary>
    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The map entry <paramref name="key"/>.</summary>
    public static string Key(string parent, string key) => parent + "[" + key + "]";
}
