using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>
/// Rewrites feed text into something an XML parser accepts without ever expanding a DTD: the DOCTYPE is removed
/// (plain-text entities it declares are substituted, a DTD built to amplify is refused), comments and processing
/// instructions are dropped, HTML entities become character references, stray <c>&amp;</c> and <c>&lt;</c> are
/// escaped, attributes are quoted and characters XML forbids are removed. CDATA sections pass through untouched.
/// </summary>
internal sealed class XmlRepair
{
    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    private readonly string _s;
    private readonly FeedParserOptions _options;
    private readonly Deadline _deadline;
    private readonly StringBuilder _out;
    private readonly Dictionary<string, string> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _replacements = new(StringComparer.Ordinal);
    private readonly (char Char, int From, int At)[] _found = new (char, int, int)[4];
    private int _i;

    private XmlRepair(string text, FeedParserOptions options, Deadline deadline)
    {
        _s = text;
        _options = options;
        _deadline = deadline;
        _out = new StringBuilder(text.Length + 256);
    }

    public static string Repair(string text, FeedParserOptions options, Deadline deadline)
    {
        var repair = new XmlRepair(NormalizeCharacters(text), options, deadline);
        return repair.Run();
    }

    private string Run()
    {
        _i = _s.IndexOf('<', StringComparison.Ordinal);
        if (_i < 0)
        {
            throw new FeedFormatException("Not a feed: the document contains no markup.");
        }

        var steps = 0;
        while (_i < _s.Length)
        {
            if (++steps % 4096 == 0)
            {
                _deadline.Check();
            }

            var c = _s[_i];
            switch (c)
            {
                case '<':
                    Markup();
                    break;
                case '&':
                    Reference(_out);
                    break;
                case '>':
                    _out.Append("&gt;");
                    _i++;
                    break;
                default:
                    var next = _s.AsSpan(_i).IndexOfAny('<', '&', '>');
                    var length = next < 0 ? _s.Length - _i : next;
                    _out.Append(_s, _i, length);
                    _i += length;
                    break;
            }
        }

        return _out.ToString();
    }

    private void Markup()
    {
        var next = _i + 1 < _s.Length ? _s[_i + 1] : '\0';
        if (next is not ('!' or '?' or '/') && IsNameStart(next))
        {
            StartTag(); // the common case first: no token comparisons
        }
        else if (At("<!--"))
        {
            // Comments carry nothing a feed reader needs, and "--" inside them is a common well-formedness error.
            _i = Skip("-->", _i + 4);
        }
        else if (At("<![CDATA["))
        {
            var end = _s.IndexOf("]]>", _i + 9, StringComparison.Ordinal);
            var stop = end < 0 ? _s.Length : end + 3;
            _out.Append(_s, _i, stop - _i);
            if (end < 0)
            {
                _out.Append("]]>");
            }

            _i = stop;
        }
        else if (At("<?"))
        {
            // XML declarations (the text is already decoded, and misplaced ones break parsers) and stylesheet PIs.
            _i = Skip("?>", _i + 2);
        }
        else if (At("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            Doctype();
        }
        else if (_i + 1 < _s.Length && _s[_i + 1] == '/' && _i + 2 < _s.Length && IsNameStart(_s[_i + 2]))
        {
            EndTag();
        }
        else if (_i + 1 < _s.Length && IsNameStart(_s[_i + 1]))
        {
            StartTag();
        }
        else
        {
            _out.Append("&lt;");
            _i++;
        }
    }

    private void EndTag()
    {
        _i += 2;
        var name = Name();
        var close = Find('>', _i);
        var nextOpen = Find('<', _i);
        _i = close >= 0 && (nextOpen < 0 || close < nextOpen) ? close + 1 : _i;
        _out.Append("</").Append(name).Append('>');
    }

    private void StartTag()
    {
        _i++;
        var name = Name();
        _out.Append('<').Append(name);
        List<string>? seen = null;
        while (true)
        {
            SkipWhiteSpace();
            if (_i >= _s.Length || _s[_i] == '<')
            {
                _out.Append('>');
                return;
            }

            if (_s[_i] == '>')
            {
                _out.Append('>');
                _i++;
                return;
            }

            if (_s[_i] == '/' && _i + 1 < _s.Length && _s[_i + 1] == '>')
            {
                _out.Append("/>");
                _i += 2;
                return;
            }

            if (!IsNameStart(_s[_i]))
            {
                _i++; // junk between attributes ("<a href=x / title=y>", stray quotes)
                continue;
            }

            var attribute = Name();
            SkipWhiteSpace();
            string value;
            if (_i < _s.Length && _s[_i] == '=')
            {
                _i++;
                SkipWhiteSpace();
                value = AttributeValue();
            }
            else
            {
                value = attribute; // HTML boolean attribute
            }

            seen ??= [];
            if (!seen.Contains(attribute))
            {
                seen.Add(attribute);
                _out.Append(' ').Append(attribute).Append("=\"").Append(value).Append('"');
            }
        }
    }

    private string AttributeValue()
    {
        var raw = new StringBuilder();
        if (_i < _s.Length && (_s[_i] == '"' || _s[_i] == '\''))
        {
            var quote = _s[_i];
            var end = Find(quote, _i + 1);
            var tagEnd = Find('>', _i + 1);
            if (end < 0)
            {
                end = tagEnd < 0 ? _s.Length : tagEnd;
            }

            EscapeAttribute(_i + 1, end, raw);
            _i = Math.Min(end + 1, _s.Length);
            if (end == tagEnd)
            {
                _i = end; // unterminated quote: the tag still ends here
            }
        }
        else
        {
            var start = _i;
            while (_i < _s.Length && !char.IsWhiteSpace(_s[_i]) && _s[_i] != '>')
            {
                _i++;
            }

            EscapeAttribute(start, _i, raw);
        }

        return raw.ToString();
    }

    private void EscapeAttribute(int start, int end, StringBuilder into)
    {
        var saved = _i;
        _i = start;
        while (_i < end)
        {
            var c = _s[_i];
            switch (c)
            {
                case '&':
                    Reference(into, end);
                    continue;
                case '<':
                    into.Append("&lt;");
                    break;
                case '"':
                    into.Append("&quot;");
                    break;
                case '\t' or '\n' or '\r':
                    into.Append("&#").Append((int)c).Append(';');
                    break;
                default:
                    into.Append(c);
                    break;
            }

            _i++;
        }

        _i = saved;
    }

    private void Reference(StringBuilder into, int limit = -1)
    {
        limit = limit < 0 ? _s.Length : limit;
        var semicolon = _s.IndexOf(';', _i + 1, Math.Min(limit - _i - 1, 40));
        if (semicolon > _i + 1)
        {
            var body = _s.AsSpan(_i + 1, semicolon - _i - 1);
            if (body[0] == '#')
            {
                if (NumericReference(body[1..], into))
                {
                    _i = semicolon + 1;
                    return;
                }
            }
            else if (IsName(body))
            {
                var name = body.ToString();
                _i = semicolon + 1;
                if (XmlEntities.Contains(name))
                {
                    into.Append('&').Append(name).Append(';');
                }
                else if (_replacements.TryGetValue(name, out var replacement))
                {
                    into.Append(replacement);
                }
                else if (HtmlEntity(name) is { } decoded)
                {
                    AppendCharacterReferences(decoded, into);
                }
                else
                {
                    into.Append("&amp;").Append(name).Append(';'); // unknown or unsafe entity: kept as literal text
                }

                return;
            }
        }

        into.Append("&amp;");
        _i++;
    }

    private static bool NumericReference(ReadOnlySpan<char> digits, StringBuilder into)
    {
        var hex = digits.Length > 0 && (digits[0] == 'x' || digits[0] == 'X');
        var number = hex ? digits[1..] : digits;
        if (number.Length is 0 or > 8
            || !int.TryParse(number, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        if (code is >= 0x80 and <= 0x9F)
        {
            // C1 controls in references are almost always windows-1252 smart quotes written by mistake.
            code = Windows1252.GetString([(byte)code])[0];
        }

        if (IsXmlChar(code))
        {
            into.Append("&#").Append(code.ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        return true; // references to characters XML forbids are dropped, like the characters themselves
    }

    private static string? HtmlEntity(string name)
    {
        var reference = "&" + name + ";";
        var decoded = WebUtility.HtmlDecode(reference);
        return decoded == reference ? null : decoded;
    }

    private static void AppendCharacterReferences(string text, StringBuilder into)
    {
        for (var k = 0; k < text.Length; k++)
        {
            var code = char.ConvertToUtf32(text, k);
            if (char.IsHighSurrogate(text[k]))
            {
                k++;
            }

            into.Append("&#").Append(code.ToString(CultureInfo.InvariantCulture)).Append(';');
        }
    }

    // --- DOCTYPE -------------------------------------------------------------------------------------------

    private void Doctype()
    {
        _i += "<!DOCTYPE".Length;
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (c is '"' or '\'')
            {
                _i = SkipQuoted(_i);
            }
            else if (c == '[')
            {
                _i++;
                InternalSubset();
            }
            else if (c == '>')
            {
                _i++;
                break;
            }
            else
            {
                _i++;
            }
        }

        CheckExpansion();
    }

    private void InternalSubset()
    {
        while (_i < _s.Length)
        {
            _deadline.Check();
            SkipWhiteSpace();
            if (_i >= _s.Length)
            {
                return;
            }

            if (_s[_i] == ']')
            {
                _i++;
                return;
            }

            if (At("<!--"))
            {
                _i = Skip("-->", _i + 4);
            }
            else if (At("<?"))
            {
                _i = Skip("?>", _i + 2);
            }
            else if (At("<!ENTITY"))
            {
                EntityDeclaration();
            }
            else if (_s[_i] == '<')
            {
                SkipDeclaration();
            }
            else
            {
                _i++; // parameter-entity references (%name;) and junk: never resolved
            }
        }
    }

    private void EntityDeclaration()
    {
        _i += "<!ENTITY".Length;
        SkipWhiteSpace();
        var parameter = false;
        if (_i < _s.Length && _s[_i] == '%')
        {
            parameter = true;
            _i++;
            SkipWhiteSpace();
        }

        var name = Name();
        SkipWhiteSpace();
        if (_i < _s.Length && _s[_i] is '"' or '\'')
        {
            var end = SkipQuoted(_i);
            var value = _s.Substring(_i + 1, Math.Max(0, end - _i - 2));
            _i = end;
            if (!parameter && name.Length > 0)
            {
                _declared.TryAdd(name, value);
            }
        }

        // SYSTEM/PUBLIC identifiers (external entities) are skipped: nothing is ever fetched or substituted.
        SkipDeclaration();
    }

    private void SkipDeclaration()
    {
        while (_i < _s.Length && _s[_i] != '>')
        {
            _i = _s[_i] is '"' or '\'' ? SkipQuoted(_i) : _i + 1;
        }

        _i = Math.Min(_i + 1, _s.Length);
    }

    /// <summary>
    /// Measures what each declared entity would expand to without expanding it; a DTD past the limit is an
    /// amplification attack and is refused. Only plain-text values are substituted later; values that refer to
    /// other entities or hold markup stay as literal text, so nothing recursive is ever expanded.
    /// </summary>
    private void CheckExpansion()
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in _declared.Keys)
        {
            var size = ExpandedSize(name, sizes, depth: 0);
            if (size > _options.MaxEntityExpansion)
            {
                throw new FeedFormatException(
                    $"Refused: the DOCTYPE declares entity '{name}' that would expand to more than {_options.MaxEntityExpansion} characters (entity expansion attack).");
            }
        }

        foreach (var (name, value) in _declared)
        {
            if (!value.Contains('<', StringComparison.Ordinal) && !value.Contains('&', StringComparison.Ordinal))
            {
                _replacements[name] = value.Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
            }
            else if (value.StartsWith("&#", StringComparison.Ordinal) && value.EndsWith(';') && value.IndexOf('&', 1) < 0)
            {
                var single = new StringBuilder();
                if (NumericReference(value.AsSpan(2, value.Length - 3), single))
                {
                    _replacements[name] = single.ToString();
                }
            }
        }
    }

    private long ExpandedSize(string name, Dictionary<string, long> sizes, int depth)
    {
        if (sizes.TryGetValue(name, out var known))
        {
            return known;
        }

        if (depth > 32)
        {
            throw new FeedFormatException($"Refused: the DOCTYPE declares entities nested deeper than 32 levels ('{name}').");
        }

        sizes[name] = long.MaxValue / 4; // a reference cycle counts as unbounded
        var value = _declared[name];
        long size = 0;
        var k = 0;
        while (k < value.Length)
        {
            var amp = value.IndexOf('&', k);
            if (amp < 0)
            {
                size += value.Length - k;
                break;
            }

            size += amp - k;
            var semicolon = value.IndexOf(';', amp);
            if (semicolon < 0)
            {
                size += value.Length - amp;
                break;
            }

            var reference = value[(amp + 1)..semicolon];
            size += _declared.ContainsKey(reference) ? ExpandedSize(reference, sizes, depth + 1) : semicolon - amp + 1;
            size = Math.Min(size, long.MaxValue / 4);
            k = semicolon + 1;
        }

        sizes[name] = size;
        return size;
    }

    // --- lexical helpers --------------------------------------------------------------------------------------

    /// <summary>
    /// <see cref="string.IndexOf(char, int)"/> remembering the last answer per character, so that hostile input
    /// (thousands of tags with an unterminated quote) costs linear time instead of a rescan per tag.
    /// </summary>
    private int Find(char c, int from)
    {
        var slot = c switch { '>' => 0, '<' => 1, '"' => 2, _ => 3 };
        var cached = _found[slot];
        if (cached.Char == c && cached.From <= from && (cached.At < 0 || cached.At >= from))
        {
            return cached.At;
        }

        var at = _s.IndexOf(c, from);
        _found[slot] = (c, from, at);
        return at;
    }

    private bool At(string token, StringComparison comparison = StringComparison.Ordinal) =>
        string.Compare(_s, _i, token, 0, token.Length, comparison) == 0 && _i + token.Length <= _s.Length;

    private int Skip(string terminator, int from)
    {
        var end = _s.IndexOf(terminator, Math.Min(from, _s.Length), StringComparison.Ordinal);
        return end < 0 ? _s.Length : end + terminator.Length;
    }

    private int SkipQuoted(int at)
    {
        var end = _s.IndexOf(_s[at], at + 1);
        return end < 0 ? _s.Length : end + 1;
    }

    private void SkipWhiteSpace()
    {
        while (_i < _s.Length && char.IsWhiteSpace(_s[_i]))
        {
            _i++;
        }
    }

    private string Name()
    {
        var start = _i;
        while (_i < _s.Length && IsNameChar(_s[_i]))
        {
            _i++;
        }

        return _s[start.._i];
    }

    private static bool IsNameStart(char c) => XmlConvert.IsStartNCNameChar(c);

    private static bool IsNameChar(char c) => XmlConvert.IsNCNameChar(c) || c == ':';

    private static bool IsName(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !IsNameStart(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!IsNameChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsXmlChar(int code) =>
        code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static Encoding Windows1252 => FeedDecoder.Windows1252();

    /// <summary>
    /// Drops control characters and lone surrogates, which XML 1.0 forbids even as references, and reads C1 controls
    /// as the windows-1252 characters their publisher meant ("smart quotes" pasted through a Latin-1 pipeline).
    /// </summary>
    internal static string NormalizeCharacters(string text)
    {
        var first = -1;
        for (var k = 0; k < text.Length; k++)
        {
            if (!IsLegalAt(text, k) || text[k] is >= '\u0080' and <= '\u009F')
            {
                first = k;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var k = first; k < text.Length; k++)
        {
            var c = text[k];
            if (c is >= '\u0080' and <= '\u009F')
            {
                sb.Append(C1ToWindows1252[c - 0x80]);
            }
            else if (IsLegalAt(text, k))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static readonly char[] C1ToWindows1252 = Windows1252.GetString([.. Enumerable.Range(0x80, 32).Select(b => (byte)b)]).ToCharArray();

    private static bool IsLegalAt(string text, int k)
    {
        var c = text[k];
        if (char.IsHighSurrogate(c))
        {
            return k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return k > 0 && char.IsHighSurrogate(text[k - 1]);
        }

        return c is '\t' or '\n' or '\r' or (>= ' ' and <= '\uFFFD');
    }
}
