namespace Operators.LocalApiServer.Patching;

/// <summary>
/// The patch rules of one kind's fields, keyed by field path: the JSON member names from the
/// object's root joined by dots, where the items of a list add no segment (the containers' env is
/// <c>spec.template.spec.containers.env</c>). Fields without a rule get the defaults: objects
/// merge, lists are replaced.
/// </summary>
internal sealed class StrategicMergeSchema
{
    private readonly Dictionary<string, StrategicPatchRule> _rules;

    /// <summary>Creates a schema from rules keyed by field path.</summary>
    public StrategicMergeSchema(IEnumerable<KeyValuePair<string, StrategicPatchRule>> rules)
    {
        _rules = new Dictionary<string, StrategicPatchRule>(rules, StringComparer.Ordinal);
    }

    /// <summary>The declared rules, keyed by field path.</summary>
    public IReadOnlyDictionary<string, StrategicPatchRule> Rules => _rules;

    /// <summary>
    /// The schema of a built-in kind this server serves, e.g. (<c>apps</c>, <c>Deployment</c>);
    /// null for any other kind, custom resources included, which do not support strategic merge patch.
    /// </summary>
    public static StrategicMergeSchema? ForKind(string group, string kind) => BuiltInStrategicMergeRules.For(group, kind);

    /// <summary>The rule of the field at <paramref name="path"/>, or null for the default.</summary>
    public StrategicPatchRule? RuleFor(string path) => _rules.GetValueOrDefault(path);

    /// <summary>The path of member <paramref name="name"/> of the field at <paramref name="path"/>.</summary>
    public static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
