using Microsoft.Extensions.Options;

namespace Operators.WorkQueue.RateLimiting;

/// <summary>Validates <see cref="ExponentialFailureRateLimiterOptions"/> (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class ExponentialFailureRateLimiterOptionsValidator : IValidateOptions<ExponentialFailureRateLimiterOptions>;
