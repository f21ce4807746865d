using System.Globalization;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// Validates a value against a schema as kube-openapi's <c>SchemaValidator</c> does for custom resources,
/// producing the causes apiextensions derives from its results. Per value the checks run in kube-openapi's
/// order: type, allOf/anyOf/oneOf/not, string and format, number, array (items first), enum, object
/// (additional properties, declared properties in schema order, then required). On update a
/// <see cref="Correlation"/> drops the errors of values that did not change (validation ratcheting).
/// </summary>
internal sealed class SchemaValidator
{
    private readonly List<StatusCause> _causes = [];

    private SchemaValidator()
    {
    }

    /// <summary>Validates <paramref name="value"/> (kube-openapi path "") against <paramref name="schema"/>.</summary>
    public static List<StatusCause> Validate(SchemaNode schema, JsonNode? value, Correlation old) =>
        Validate(schema, value, "", old);

    private void ValidateValue(SchemaNode schema, JsonNode? value, string path, Correlation old)
    {
        if (old.IsUnchanged(schema, value))
        {
            return;
        }

        var kind = GoJson.KindOf(value);
        ValueChecks.CheckType(schema, value, kind, path, _causes);
        if (kind == GoJsonKind.Null)
        {
            ValueChecks.CheckEnum(schema, value, path, _causes);
            return;
        }

        ValidateCombinators(schema, value, path, old);
        switch (kind)
        {
            case GoJsonKind.String:
                ValueChecks.CheckString(schema, GoJson.GetString(value!), path, _causes);
                break;
            case GoJsonKind.Int or GoJsonKind.Float:
                ValueChecks.CheckNumber(schema, value!, path, _causes);
                break;
            case GoJsonKind.Array:
                ValidateArray(schema, (JsonArray)value!, path, old);
                break;
        }

        ValueChecks.CheckEnum(schema, value, path, _causes);
        if (value is JsonObject obj)
        {
            ValidateObject(schema, obj, path, old);
        }
    }

    private void ValidateArray(SchemaNode schema, JsonArray array, string path, Correlation old)
    {
        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                ValidateValue(items, array[i], FieldPath.Index(path, i), old.Item(schema, array[i]));
            }
        }

        var field = ValueChecks.Field(path);
        if (schema.MinItems is { } min && array.Count < min)
        {
            _causes.Add(FieldCauses.Invalid(field, (long)array.Count, string.Create(CultureInfo.InvariantCulture, $"{path} in body should have at least {min} items")));
        }

        if (schema.MaxItems is { } max && array.Count > max)
        {
            _causes.Add(FieldCauses.TooMany(field, array.Count, max));
        }

        if (schema.UniqueItems && HasDuplicates(array))
        {
            _causes.Add(FieldCauses.Invalid(field, "", $"{path} in body shouldn't contain duplicates"));
        }
    }

    private void ValidateObject(SchemaNode schema, JsonObject obj, string path, Correlation old)
    {
        var field = ValueChecks.Field(path);
        if (schema.MinProperties is { } min && obj.Count < min)
        {
            _causes.Add(FieldCauses.Invalid(field, (long)obj.Count, string.Create(CultureInfo.InvariantCulture, $"{path} in body should have at least {min} properties")));
            return;
        }

        if (schema.MaxProperties is { } max && obj.Count > max)
        {
            _causes.Add(FieldCauses.TooMany(field, obj.Count, max));
            return;
        }

        foreach (var (key, value) in obj)
        {
            if (schema.Properties.ContainsKey(key))
            {
                continue;
            }

            if (!schema.AdditionalPropertiesAllowed)
            {
                _causes.Add(FieldCauses.Invalid(field, key, $"{path}.{key} in body is a forbidden property"));
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                ValidateValue(additional, value, path + "." + key, old.Field(key));
            }
        }

        foreach (var name in schema.PropertyNames)
        {
            if (obj.TryGetPropertyValue(name, out var value))
            {
                ValidateValue(schema.Properties[name], value, path.Length == 0 ? name : path + "." + name, old.Field(name));
            }
        }

        foreach (var name in schema.Required.Where(name => !obj.ContainsKey(name)))
        {
            _causes.Add(FieldCauses.Required(ValueChecks.Field(path + "." + name)));
        }
    }

    /// <summary>kube-openapi's anyOf, oneOf, allOf and not, with its composite messages (reported without a field).</summary>
    private void ValidateCombinators(SchemaNode schema, JsonNode? value, string path, Correlation old)
    {
        if (schema.AnyOf.Count > 0)
        {
            var results = schema.AnyOf.Select(alternative => Validate(alternative, value, path, old)).ToList();
            if (!results.Any(errors => errors.Count == 0))
            {
                AddComposite($"{GoQuote.Quote(path)} must validate at least one schema (anyOf)");
                _causes.AddRange(Best(results));
            }
        }

        if (schema.OneOf.Count > 0)
        {
            var results = schema.OneOf.Select(alternative => Validate(alternative, value, path, old)).ToList();
            var valid = results.Count(errors => errors.Count == 0);
            if (valid != 1)
            {
                AddComposite($"{GoQuote.Quote(path)} must validate one and only one schema (oneOf). " +
                    (valid == 0 ? "Found none valid" : string.Create(CultureInfo.InvariantCulture, $"Found {valid} valid alternatives")));
                _causes.AddRange(valid == 0 ? Best(results) : []);
            }
        }

        if (schema.AllOf.Count > 0)
        {
            var results = schema.AllOf.Select(part => Validate(part, value, path, old)).ToList();
            _causes.AddRange(results.SelectMany(errors => errors));
            var valid = results.Count(errors => errors.Count == 0);
            if (valid != results.Count)
            {
                AddComposite($"{GoQuote.Quote(path)} must validate all the schemas (allOf){(valid == 0 ? ". None validated" : "")}");
            }
        }

        if (schema.Not is { } not && Validate(not, value, path, old).Count == 0)
        {
            AddComposite($"{GoQuote.Quote(path)} must not validate the schema (not)");
        }
    }

    private static List<StatusCause> Validate(SchemaNode schema, JsonNode? value, string path, Correlation old)
    {
        var validator = new SchemaValidator();
        validator.ValidateValue(schema, value, path, old);
        return validator._causes;
    }

    /// <summary>The failures of the closest alternative (fewest errors, first on ties).</summary>
    private static List<StatusCause> Best(List<List<StatusCause>> results) =>
        results.OrderBy(errors => errors.Count).First();

    private void AddComposite(string message) => _causes.Add(FieldCauses.Invalid(FieldCauses.NoField, "", message));

    private static bool HasDuplicates(JsonArray array)
    {
        for (var i = 1; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (GoEquality.DeepEqual(array[i], array[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
