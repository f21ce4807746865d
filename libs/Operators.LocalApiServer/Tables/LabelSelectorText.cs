using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// A <c>metav1.LabelSelector</c> as text, the way kube-apiserver prints it: requirements sorted by
/// key, <c>app=web,tier in (a,b),!legacy</c>. An absent or empty selector is <c>""</c>; one with an
/// unusable expression is <c>&lt;invalid&gt;</c>.
/// </summary>
internal static class LabelSelectorText
{
    /// <summary>The text of <paramref name="selector"/>.</summary>
    public static string Format(JsonNode? selector)
    {
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in TableJson.Members(selector, "matchLabels"))
        {
            requirements.Add((key, key + "=" + TableJson.Text(value)));
        }

        foreach (var expression in TableJson.Items(selector, "matchExpressions"))
        {
            var key = TableJson.Text(expression, "key");
            var values = TableJson.Items(expression, "values").Select(v => TableJson.Text(v)).Order(StringComparer.Ordinal).ToList();
            string? text = (TableJson.Text(expression, "operator"), values.Count) switch
            {
                ("In", > 0) => key + " in (" + string.Join(',', values) + ")",
                ("NotIn", > 0) => key + " notin (" + string.Join(',', values) + ")",
                ("Exists", 0) => key,
                ("DoesNotExist", 0) => "!" + key,
                _ => null,
            };
            if (text is null)
            {
                return "<invalid>";
            }

            requirements.Add((key, text));
        }

        return string.Join(',', requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }
}
