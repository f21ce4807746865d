using System.ComponentModel.DataAnnotations;

namespace Operators.LocalApiServer;

/// <summary>Settings of a <see cref="LocalApiServer"/>.</summary>
public sealed class LocalApiServerOptions
{
    /// <summary>The default number of changes kept for watches to resume from.</summary>
    public const int DefaultHistoryLimit = 10_000;

    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    /// <value>The default value is 0.</value>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>How many changes are kept; a watch or continue token older than them gets 410 Gone.</summary>
    /// <value>The default value is <see cref="DefaultHistoryLimit"/>.</value>
    [Range(1, int.MaxValue)]
    public int HistoryLimit { get; set; } = DefaultHistoryLimit;

    /// <summary>How often a watch with <c>allowWatchBookmarks=true</c> gets a BOOKMARK.</summary>
    /// <value>The default value is 60 seconds, like kube-apiserver.</value>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A watch without <c>timeoutSeconds</c> ends after between one and two times this.</summary>
    /// <value>The default value is 30 minutes, like kube-apiserver's <c>--min-request-timeout</c>.</value>
    public TimeSpan DefaultWatchTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many events may wait for a watch client that does not read before it is dropped.</summary>
    /// <value>The default value is 10,000.</value>
    [Range(1, int.MaxValue)]
    public int WatchBufferEvents { get; set; } = 10_000;

    /// <summary>Whether the simulated Deployment status controller runs.</summary>
    /// <value>The default value is true.</value>
    public bool DeploymentController { get; set; } = true;

    /// <summary>How long a Deployment's pods take to become ready in the simulation.</summary>
    /// <value>The default value is 500 milliseconds.</value>
    public TimeSpan DeploymentReadyDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether the garbage collector (owner references) and namespace cleanup run.</summary>
    /// <value>The default value is true.</value>
    public bool GarbageCollector { get; set; } = true;

    /// <summary>Static bearer tokens mapped to user names. Empty (and no <see cref="Tokens"/>): every request is allowed.</summary>
    public IDictionary<string, string> BearerTokens { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Static bearer tokens mapped to users with groups (kube's <c>--token-auth-file</c>); a token of a member of
    /// <see cref="Authorization.TokenUser.MastersGroup"/> bypasses authorization. Tokens may be added while the server runs.
    /// </summary>
    public IDictionary<string, Authorization.TokenUser> Tokens { get; } = new System.Collections.Concurrent.ConcurrentDictionary<string, Authorization.TokenUser>(StringComparer.Ordinal);

    /// <summary>
    /// Whether requests are authorized by the stored Roles, ClusterRoles, RoleBindings and ClusterRoleBindings (a
    /// minimal RBAC evaluator; see the README). Refused requests get 403 and are listed at <c>/_local/denials</c>.
    /// </summary>
    /// <value>The default value is false: every authenticated request is allowed.</value>
    public bool EnforceRbac { get; set; }

    /// <summary>The clock; tests may substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
