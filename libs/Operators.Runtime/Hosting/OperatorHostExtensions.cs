using k8s;
using k8s.Exceptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Operators.Runtime.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>Runs an operator's host as a command-line program.</summary>
public static class OperatorHostExtensions
{
    /// <summary>The exit code of invalid flags, configuration or kubeconfig.</summary>
    public const int InvalidOptionsExitCode = 2;

    /// <summary>
    /// Checks the options and the Kubernetes configuration, then runs the host until SIGTERM/SIGINT or a lost
    /// Lease, and returns the process exit code: <see cref="Environment.ExitCode"/> (1 after a lost Lease), or
    /// <see cref="InvalidOptionsExitCode"/> after writing one line per problem to standard error, with no stack trace.
    /// </summary>
    /// <param name="host">The built host, on whose builder <c>AddOperator</c> was called.</param>
    /// <param name="cancellationToken">Stops the host.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunOperatorAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (Check(host.Services) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            host.Dispose();
            return InvalidOptionsExitCode;
        }

        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return Environment.ExitCode;
    }

    private static List<string> Check(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<OperatorOptions>>().Value;
            _ = services.GetRequiredService<Kubernetes>();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (KubeConfigException e)
        {
            return ["--kubeconfig: " + e.Message];
        }
        catch (InvalidOperationException e)
        {
            return [e.Message];
        }
    }
}
