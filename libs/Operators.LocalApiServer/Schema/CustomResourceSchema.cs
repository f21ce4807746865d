using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// The structural schema of one custom resource version, doing what kube-apiserver does with a custom
/// resource body: <see cref="Prune"/> unknown fields, <see cref="ApplyDefaults"/>, then
/// <see cref="Validate"/> (or <see cref="ValidateUpdate"/>). All methods are pure functions of their input.
/// </summary>
internal sealed class CustomResourceSchema
{
    private readonly SchemaNode _root;

    private CustomResourceSchema(SchemaNode root)
    {
        _root = root;
    }

    /// <summary>
    /// Parses an <c>apiextensions.k8s.io/v1</c> <c>openAPIV3Schema</c> (the argument is copied, not kept).
    /// Throws <see cref="ArgumentException"/> when it cannot be used (a keyword of the wrong JSON type, a
    /// pattern Go cannot compile). The result is immutable and safe to share between threads.
    /// </summary>
    public static CustomResourceSchema Create(JsonObject openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        var copy = openApiV3Schema.DeepClone();
        Materialize(copy);
        return new CustomResourceSchema(SchemaNodeParser.Parse(copy.AsObject(), "openAPIV3Schema"));
    }

    /// <summary>
    /// Removes the fields the schema does not know from the resource <paramref name="obj"/> and returns their
    /// paths, sorted, as kube-apiserver prints them in unknown-field warnings and strict errors
    /// (<c>spec.agentTemplate.colour</c>). The root's <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> are
    /// never touched: unknown metadata fields are the server's business.
    /// </summary>
    public IReadOnlyList<string> Prune(JsonObject obj) => SchemaPruner.Prune(obj, _root, isResourceRoot: true);

    /// <summary>
    /// Removes nulls the schema neither allows nor defaults, then fills in <c>default</c>s for absent fields of
    /// existing objects, recursively, as kube-apiserver does each time it decodes a custom resource.
    /// </summary>
    public void ApplyDefaults(JsonObject obj) => SchemaDefaulter.Apply(obj, _root);

    /// <summary>
    /// Validates a new resource against the schema, returning kube-apiserver's causes in its order: schema
    /// errors, then embedded-resource errors, then list-type (set/map) duplicates. Metadata is not checked.
    /// </summary>
    public IReadOnlyList<StatusCause> Validate(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return
        [
            .. SchemaValidator.Validate(_root, obj, Correlation.None),
            .. EmbeddedResourceValidator.Validate(_root, obj),
            .. ListTypeValidator.Validate(_root, obj),
        ];
    }

    /// <summary>
    /// Validates an update like <see cref="Validate"/>, with kube-apiserver's ratcheting: schema errors in
    /// values unchanged from <paramref name="oldObj"/> are dropped, and list-type duplicates are only
    /// reported when the old object had none.
    /// </summary>
    public IReadOnlyList<StatusCause> ValidateUpdate(JsonObject obj, JsonObject oldObj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(oldObj);
        var listErrors = ListTypeValidator.Validate(_root, oldObj).Count == 0
            ? ListTypeValidator.Validate(_root, obj)
            : [];
        return
        [
            .. SchemaValidator.Validate(_root, obj, new Correlation(true, oldObj)),
            .. EmbeddedResourceValidator.Validate(_root, obj),
            .. listErrors,
        ];
    }

    /// <summary>
    /// A copy of the sub-schema at a dotted property path such as <c>status</c> or <c>spec.hosts</c>
    /// (array items are stepped through), or null when the schema does not declare it.
    /// </summary>
    public JsonObject? GetSubSchema(string dottedPath)
    {
        ArgumentNullException.ThrowIfNull(dottedPath);
        SchemaNode? node = _root;
        foreach (var name in dottedPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.Items ?? node;
            if (!node.Properties.TryGetValue(name, out node))
            {
                return null;
            }
        }

        return (JsonObject)node.Source.DeepClone();
    }

    /// <summary>Reads every object and array once: JsonNode fills them lazily, which is not thread-safe.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }
}
