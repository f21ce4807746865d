using Microsoft.Extensions.Options;

namespace Operators.WorkQueue;

/// <summary>Validates options where they are used, so a queue or limiter is never built from invalid settings.</summary>
internal static class OptionsGuard
{
    /// <summary>Returns <paramref name="options"/> when <paramref name="validator"/> accepts them.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static TOptions Validated<TOptions>(TOptions options, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), result.Failures);
        }

        return options;
    }
}
