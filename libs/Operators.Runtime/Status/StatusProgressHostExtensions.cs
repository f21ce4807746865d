using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Operators.Runtime.Hosting;
using Operators.Runtime.Status;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <c>--status-progress-interval</c> flag and the <see cref="ProgressThrottle"/> it sets to an operator's host.</summary>
public static class StatusProgressHostExtensions
{
    /// <summary>
    /// Reads <c>--status-progress-interval</c> into <see cref="StatusProgressOptions"/> (validated at start: a bad
    /// value stops the process with a message naming the flag) and registers one <see cref="ProgressThrottle"/> with
    /// that interval. A second call adds nothing.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddStatusProgressThrottle(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StatusProgressOptions>().Configure<IConfiguration>(ReadFlag).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusProgressOptions>, StatusProgressOptionsValidator>());
        builder.Services.TryAddSingleton(sp => new ProgressThrottle(
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<IOptions<StatusProgressOptions>>().Value.ProgressInterval));
        return builder;
    }

    private static void ReadFlag(StatusProgressOptions options, IConfiguration configuration)
    {
        if (configuration[StatusProgressOptions.ProgressIntervalFlag] is not { } text)
        {
            return;
        }

        if (GoDuration.TryParse(text.Trim(), out var interval))
        {
            options.ProgressInterval = interval;
        }
        else
        {
            options.InvalidProgressInterval = text;
        }
    }
}
