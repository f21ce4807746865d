using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Http;

/// <summary>Reads and validates the write options of a request's query (<c>dryRun</c>, <c>fieldValidation</c>).</summary>
internal static class QueryOptions
{
    /// <summary>The write options; 422 Invalid (kind <paramref name="optionsKind"/>) for unsupported values.</summary>
    public static WriteOptions Write(HttpRequest request, string optionsKind, string subresource)
    {
        var dryRun = DryRun(request, optionsKind);
        var validation = request.Query["fieldValidation"].ToString();
        if (validation.Length > 0 && validation is not ("Strict" or "Warn" or "Ignore"))
        {
            throw ApiException.Invalid("meta.k8s.io", optionsKind, "",
                [new StatusCause("FieldValueNotSupported", "fieldValidation", $"Unsupported value: \"{validation}\": supported values: \"Ignore\", \"Strict\", \"Warn\"")]);
        }

        return new WriteOptions
        {
            DryRun = dryRun,
            FieldValidation = validation.Length == 0 ? "Warn" : validation,
            Subresource = subresource,
        };
    }

    /// <summary>True for <c>dryRun=All</c>; 422 for any other value.</summary>
    public static bool DryRun(HttpRequest request, string optionsKind)
    {
        var values = request.Query["dryRun"];
        foreach (var value in values)
        {
            if (value != "All")
            {
                throw ApiException.Invalid("meta.k8s.io", optionsKind, "",
                    [new StatusCause("FieldValueNotSupported", "dryRun", $"Unsupported value: \"{value}\": supported values: \"All\"")]);
            }
        }

        return values.Count > 0;
    }
}
