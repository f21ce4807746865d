using Polly;
using Polly.Retry;

namespace Operators.Runtime.Client;

/// <summary>
/// Builds the retry pipeline of <see cref="KubeApiClient"/>: 429 waits as long as <c>Retry-After</c> says;
/// 5xx and transport errors back off exponentially with jitter; any other answer goes to the caller at once.
/// </summary>
internal static class RequestPipeline
{
    /// <summary>Called before each retry with the failed outcome, the delay and the zero-based retry number.</summary>
    public delegate void RetryCallback(ResilienceContext context, Outcome<HttpResponseMessage> outcome, TimeSpan delay, int attempt);

    /// <summary>Builds the pipeline.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(KubeApiClientOptions options, TimeProvider time, RetryCallback onRetry)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? RetryClassifier.RetryAfter(response.Headers, time.GetUtcNow()) : null),
            OnRetry = args =>
            {
                onRetry(args.Context, args.Outcome, args.RetryDelay, args.AttemptNumber);
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>Whether an attempt's outcome is worth another attempt.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) =>
        outcome.Exception is { } exception
            ? RetryClassifier.IsRetryable(exception, callerToken)
            : outcome.Result is { } response && RetryClassifier.IsRetryable(response.StatusCode);
}
