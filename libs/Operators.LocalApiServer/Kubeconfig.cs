namespace Operators.LocalApiServer;

/// <summary>Writes a kubeconfig that points kubectl and the operators at a local server.</summary>
internal static class Kubeconfig
{
    /// <summary>
    /// Writes the file (creating its folder), with context and cluster named <c>local</c> and a
    /// bearer token (a placeholder when the server does not check tokens).
    /// </summary>
    public static void Write(string path, Uri server, string? token)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Clients such as KubernetesClient refuse a user without credentials: without auth the server accepts any token.
        var user = $"  user:\n    token: {token ?? "local-development"}";
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: local
              cluster:
                server: {server.GetLeftPart(UriPartial.Authority)}
            users:
            - name: local
            {user}
            contexts:
            - name: local
              context:
                cluster: local
                user: local
                namespace: default
            current-context: local

            """;
        File.WriteAllText(path, text);
    }
}
