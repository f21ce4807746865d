using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Parses kube-apiserver's JSONPath template dialect: literal text with <c>{...}</c> actions made of
/// fields (<c>.a</c>, <c>.a\.b</c>), <c>..</c>, <c>*</c>, brackets (<c>[0]</c>, <c>[1:3]</c>,
/// <c>['key']</c>, <c>[a,b]</c>), filters (<c>[?(@.x==1)]</c>), quoted strings and numbers.
/// </summary>
internal sealed partial class JsonPathParser
{
    private readonly string _input;
    private int _position;

    private JsonPathParser(string input) => _input = input;

    /// <summary>The top-level nodes of a template: literal text and one sequence per action.</summary>
    /// <exception cref="FormatException">The template is malformed.</exception>
    public static IReadOnlyList<JsonPathNode> ParseTemplate(string template) => new JsonPathParser(template).ParseText();

    private List<JsonPathNode> ParseText()
    {
        var nodes = new List<JsonPathNode>();
        var textStart = 0;
        while (_position < _input.Length)
        {
            if (_input[_position] != '{')
            {
                _position++;
                continue;
            }

            if (_position > textStart)
            {
                nodes.Add(new JsonPathText(_input[textStart.._position]));
            }

            _position++;
            nodes.Add(ParseAction());
            textStart = _position;
        }

        if (_position > textStart)
        {
            nodes.Add(new JsonPathText(_input[textStart..]));
        }

        return nodes;
    }

    private JsonPathSequence ParseAction()
    {
        var steps = new List<JsonPathNode>();
        while (true)
        {
            if (At("}"))
            {
                _position++;
                return new JsonPathSequence(steps);
            }

            if (At("[?("))
            {
                steps.Add(ParseFilter());
            }
            else if (At(".."))
            {
                ParseRecursiveDescent(steps);
            }
            else
            {
                ParseStep(steps);
            }
        }
    }

    private void ParseStep(List<JsonPathNode> steps)
    {
        if (_position >= _input.Length || _input[_position] is '\r' or '\n')
        {
            throw new FormatException("unclosed action");
        }

        var c = _input[_position];
        if (c is ' ' or '@' or '$')
        {
            _position++;
        }
        else if (c == '.')
        {
            _position++;
            steps.Add(ParseField());
        }
        else if (c == '[')
        {
            steps.AddRange(ParseBracket());
        }
        else if (c is '"' or '\'')
        {
            steps.Add(ParseQuoted(c));
        }
        else if (c is '+' or '-' || char.IsDigit(c))
        {
            steps.Add(ParseNumber());
        }
        else
        {
            steps.Add(IsAlphanumeric(c) ? ParseIdentifier() : throw new FormatException($"unrecognized character in action: '{c}'"));
        }
    }

    private void ParseRecursiveDescent(List<JsonPathNode> steps)
    {
        if (steps.Count > 0 && steps[^1] is JsonPathRecursiveDescent)
        {
            throw new FormatException("invalid multiple recursive descent");
        }

        _position += 2;
        steps.Add(new JsonPathRecursiveDescent());
        if (_position < _input.Length && IsAlphanumeric(_input[_position]))
        {
            steps.Add(ParseField());
        }
    }

    private JsonPathNode ParseField()
    {
        var start = _position;
        while (_position < _input.Length && !IsTerminator(_input[_position]))
        {
            _position = Math.Min(_input.Length, _position + (_input[_position] == '\\' ? 2 : 1));
        }

        var name = _input[start.._position];
        return name == "*" ? new JsonPathWildcard() : new JsonPathField(name.Replace("\\", "", StringComparison.Ordinal));
    }

    private JsonPathConstant ParseNumber()
    {
        var start = _position;
        if (_input[_position] is '+' or '-')
        {
            _position++;
        }

        while (_position < _input.Length && (_input[_position] == '.' || char.IsDigit(_input[_position])))
        {
            _position++;
        }

        var text = _input[start.._position];
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JsonPathConstant(() => JsonValue.Create(integer));
        }

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return new JsonPathConstant(() => GoJson.FloatNode(number));
        }

        throw new FormatException($"cannot parse number {text}");
    }

    private JsonPathNode ParseIdentifier()
    {
        var start = _position;
        while (_position < _input.Length && !IsTerminator(_input[_position]))
        {
            _position++;
        }

        var word = _input[start.._position];
        return word switch
        {
            "true" or "false" => new JsonPathConstant(() => JsonValue.Create(word == "true")),
            "range" or "end" => throw new FormatException($"{word} is not supported"),
            _ => new JsonPathIdentifier(word),
        };
    }

    private JsonPathText ParseQuoted(char quote)
    {
        var start = _position++;
        while (true)
        {
            if (_position >= _input.Length || _input[_position] == '\n')
            {
                throw new FormatException("unterminated quoted string");
            }

            if (_input[_position++] == quote && _input[_position - 2] != '\\')
            {
                return new JsonPathText(GoStringLiteral.Unquote(_input[start.._position]));
            }
        }
    }

    private IReadOnlyList<JsonPathNode> ParseBracket()
    {
        var close = _input.IndexOfAny(['\n', ']'], _position);
        if (close < 0 || _input[close] == '\n')
        {
            throw new FormatException("unterminated array");
        }

        var content = _input[(_position + 1)..close];
        _position = close + 1;
        if (content == "*")
        {
            content = ":";
        }

        var parts = content.Split(',');
        if (parts.Length > 1)
        {
            return [new JsonPathUnion(parts.Select(part => ParseSubAction("[" + part.Trim(' ') + "]")).ToList())];
        }

        var key = QuotedKey().Match(content);
        if (key.Success)
        {
            return ParseSubAction("." + key.Groups[1].Value).Steps;
        }

        return [JsonPathSlice.Parse(content)];
    }

    private JsonPathFilter ParseFilter()
    {
        _position += 3;
        var start = _position;
        char? openQuote = null;
        var closed = false;
        while (true)
        {
            if (_position >= _input.Length || _input[_position] == '\n')
            {
                throw new FormatException("unterminated filter");
            }

            var c = _input[_position++];
            if (c is '"' or '\'')
            {
                if (openQuote is null)
                {
                    openQuote = c;
                }
                else if (c == openQuote && _input[_position - 2] != '\\')
                {
                    closed = true;
                }
            }
            else if (c == ')' && (openQuote is null || closed))
            {
                break;
            }
        }

        if (_position >= _input.Length || _input[_position] != ']')
        {
            throw new FormatException("unclosed array expect ]");
        }

        var text = _input[start..(_position - 1)];
        _position++;
        var comparison = FilterComparison().Match(text);
        return comparison.Success
            ? new JsonPathFilter(ParseSubAction(comparison.Groups[1].Value), comparison.Groups[2].Value, ParseSubAction(comparison.Groups[3].Value))
            : new JsonPathFilter(ParseSubAction(text), null, null);
    }

    private static JsonPathSequence ParseSubAction(string text) =>
        (JsonPathSequence)new JsonPathParser("{" + text + "}").ParseText()[0];

    private bool At(string prefix) => _input.AsSpan(_position).StartsWith(prefix, StringComparison.Ordinal);

    private static bool IsAlphanumeric(char c) => c == '_' || char.IsLetterOrDigit(c);

    private static bool IsTerminator(char c) => c is ' ' or '\t' or '\r' or '\n' or '.' or ',' or '[' or ']' or '$' or '@' or '{' or '}';

    [GeneratedRegex("^'([^']*)'$")]
    private static partial Regex QuotedKey();

    [GeneratedRegex("^([^!<>=]+)([!<>=]+)(.+?)$")]
    private static partial Regex FilterComparison();
}
