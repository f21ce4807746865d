namespace Operators.LocalApiServer;

/// <summary>Writes a kubeconfig that points kubectl and the operators at a local server.</summary>
internal static class Kubeconfig
{
    /// <summary>Writes the file (creating its folder), with context and cluster named <c>local</c>.</summary>
    public static void Write(string path, Uri server, string? token)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var user = token is null ? "  user: {}" : $"  user:\n    token: {token}";
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
