namespace Operators.LocalApiServer.Authorization;

/// <summary>
/// Reads a static token file in kube-apiserver's <c>--token-auth-file</c> format: one
/// <c>token,user,uid,"group1,group2"</c> line per token (uid and groups optional); blank lines and
/// lines starting with <c>#</c> are skipped.
/// </summary>
internal static class TokenFile
{
    /// <summary>Parses the lines into token → user.</summary>
    /// <exception cref="FormatException">A line has no token or no user.</exception>
    public static IReadOnlyDictionary<string, TokenUser> Parse(IEnumerable<string> lines)
    {
        var tokens = new Dictionary<string, TokenUser>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var fields = Fields(trimmed);
            if (fields.Count < 2 || fields[0].Length == 0 || fields[1].Length == 0)
            {
                throw new FormatException($"token file line {number}: expected token,user[,uid[,\"group1,group2\"]]");
            }

            var groups = fields.Count > 3 ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            tokens[fields[0]] = new TokenUser(fields[1], groups);
        }

        return tokens;
    }

    /// <summary>The comma-separated fields of a line; a field in double quotes may contain commas.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().Trim());
        return fields;
    }
}
