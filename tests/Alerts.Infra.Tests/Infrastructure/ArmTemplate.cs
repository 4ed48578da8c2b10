using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Alerts.Infra.Tests.Infrastructure;

/// <summary>
/// A compiled ARM template (or the template of one of its nested deployments): resources, parameters,
/// variables and outputs, with the few expression look-ups the tests need.
/// </summary>
internal sealed partial class ArmTemplate(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public JsonObject Parameters => Json["parameters"]?.AsObject() ?? [];

    public JsonObject Variables => Json["variables"]?.AsObject() ?? [];

    public JsonObject Outputs => Json["outputs"]?.AsObject() ?? [];

    /// <summary>Top-level resources (both the array form and the symbolic-name object form).</summary>
    public IReadOnlyList<JsonObject> Resources => Json["resources"] switch
    {
        JsonArray array => array.Select(r => r!.AsObject()).ToList(),
        JsonObject map => map.Select(p => p.Value!.AsObject()).ToList(),
        _ => [],
    };

    public IEnumerable<JsonObject> ResourcesOfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one resource of that type in this template.</summary>
    public JsonObject Single(string type) => Assert.Single(ResourcesOfType(type));

    /// <summary>The nested deployment (module) of that name.</summary>
    public JsonObject Module(string name) =>
        Assert.Single(ResourcesOfType("Microsoft.Resources/deployments"), d => (string?)d["name"] == name);

    /// <summary>The template of the module of that name.</summary>
    public ArmTemplate ModuleTemplate(string name) => new(Module(name)["properties"]!["template"]!.AsObject());

    /// <summary>The value (literal or expression) this template passes to a module parameter.</summary>
    public JsonNode? ModuleParameter(string module, string parameter) =>
        Module(module)["properties"]!["parameters"]![parameter]?["value"];

    /// <summary>Every template in the tree: this one and those of all nested deployments, with their module names.</summary>
    public IEnumerable<(string Module, ArmTemplate Template)> AllTemplates(string name = "main")
    {
        yield return (name, this);
        foreach (var module in ResourcesOfType("Microsoft.Resources/deployments"))
        {
            foreach (var nested in new ArmTemplate(module["properties"]!["template"]!.AsObject()).AllTemplates((string)module["name"]!))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The expression of the variable a value names when it is exactly <c>[variables('x')]</c>; otherwise the value.</summary>
    public string Resolve(string value)
    {
        var match = WholeVariable().Match(value);
        return match.Success ? Variables[match.Groups["name"].Value]!.ToString() : value;
    }

    /// <summary>Replaces <c>variables('x').y</c> inside an expression by the literal value of that variable member.</summary>
    public string ResolveVariableMembers(string expression) =>
        VariableMember().Replace(expression, m => (string?)Variables[m.Groups["name"].Value]?[m.Groups["member"].Value] ?? m.Value);

    /// <summary>
    /// The app settings of a site: <c>siteConfig.appSettings</c> is <c>concat(variables(...), ...)</c> of arrays of
    /// name/value objects (or, for a conditional part, an expression that creates them); name → value or expression.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings(JsonObject site)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var appSettings = site["properties"]!["siteConfig"]!["appSettings"]!;
        var parts = appSettings is JsonArray array
            ? [array]
            : VariableReference().Matches((string)appSettings!).Select(m => Variables[m.Groups["name"].Value]!).ToList();
        foreach (var part in parts)
        {
            if (part is JsonArray items)
            {
                foreach (var item in items)
                {
                    settings.Add((string)item!["name"]!, item["value"]!.ToString());
                }
            }
            else
            {
                var expression = (string)part!;
                foreach (Match created in CreatedSetting().Matches(expression))
                {
                    settings.Add(created.Groups["name"].Value, ArgumentAt(expression, created.Index + created.Length));
                }
            }
        }

        return settings;
    }

    // The expression argument starting at 'start': up to the comma or closing parenthesis at its own depth.
    private static string ArgumentAt(string expression, int start)
    {
        var depth = 0;
        var quoted = false;
        for (var i = start; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && (c == ')' || c == ',') && depth == 0)
            {
                return expression[start..i];
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
        }

        return expression[start..];
    }

    [GeneratedRegex(@"variables\('(?<name>\w+)'\)\.(?<member>\w+)")]
    private static partial Regex VariableMember();

    [GeneratedRegex(@"^\[variables\('(?<name>\w+)'\)\]$")]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"variables\('(?<name>\w+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"createObject\('name', '(?<name>[^']+)', 'value', ")]
    private static partial Regex CreatedSetting();
}
