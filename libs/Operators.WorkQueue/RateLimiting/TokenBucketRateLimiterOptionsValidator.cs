using Microsoft.Extensions.Options;

namespace Operators.WorkQueue.RateLimiting;

/// <summary>Validates <see cref="TokenBucketRateLimiterOptions"/> (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class TokenBucketRateLimiterOptionsValidator : IValidateOptions<TokenBucketRateLimiterOptions>;
