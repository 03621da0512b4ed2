using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Cchc.Kubernetes.Tests;

/// <summary>
/// The operators' custom resources, validated against their CRDs' OpenAPI v3 schemas vendored in k8s/schemas/crds
/// (upstream files, unchanged; versions in k8s/schemas/README.md), turned into JSON Schema 2020-12 the way the API
/// server reads them with strict field validation: an unknown field is an error (additionalProperties false) unless
/// the schema preserves unknown fields, int-or-string accepts both, nullable accepts null, embedded resources have
/// apiVersion/kind/metadata. CEL rules (x-kubernetes-validations) are not evaluated.
/// </summary>
public static class CrdSchemas
{
    private static readonly Lazy<Dictionary<(string ApiVersion, string Kind), JsonSchema>> Schemas = new(Load);

    public static IReadOnlyCollection<(string ApiVersion, string Kind)> Kinds => Schemas.Value.Keys;

    public static bool Has(string apiVersion, string kind) => Schemas.Value.ContainsKey((apiVersion, kind));

    /// <summary>The schema violations of a custom resource (empty when it is valid).</summary>
    public static IReadOnlyList<string> Validate(Manifest manifest)
    {
        if (!Schemas.Value.TryGetValue((manifest.ApiVersion, manifest.Kind), out var schema))
        {
            return [$"{manifest.Id}: no CRD schema for {manifest.ApiVersion} {manifest.Kind} in k8s/schemas/crds"];
        }
        var results = schema.Evaluate(JsonSerializer.SerializeToElement(manifest.Json),
            new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var problems = new List<string>();
        Collect(manifest, results, problems);
        return results.IsValid ? [] : problems.Distinct().DefaultIfEmpty($"{manifest.Id}: does not match its CRD schema").ToList();
    }

    /// <summary>The errors of the failing nodes only: a branch that failed inside an anyOf that passed is no error.</summary>
    private static void Collect(Manifest manifest, EvaluationResults node, List<string> problems)
    {
        if (node.IsValid)
        {
            return;
        }
        foreach (var (_, message) in node.Errors ?? new Dictionary<string, string>())
        {
            var text = message.Contains("false schema", StringComparison.Ordinal) ? "unknown field (not in the CRD schema)" : message;
            problems.Add($"{manifest.Id} {node.InstanceLocation}: {text}");
        }
        foreach (var child in node.Details ?? [])
        {
            Collect(manifest, child, problems);
        }
    }

    private static Dictionary<(string, string), JsonSchema> Load()
    {
        var schemas = new Dictionary<(string, string), JsonSchema>();
        foreach (var file in Directory.GetFiles(Repository.Path("k8s", "schemas", "crds"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var crd = YamlJson.Documents(File.ReadAllText(file)).OfType<JsonObject>().Single();
            var group = crd["spec"]!["group"]!.GetValue<string>();
            var kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
            foreach (var version in crd["spec"]!["versions"]!.AsArray().OfType<JsonObject>().Where(v => v["served"]?.GetValue<bool>() == true))
            {
                var name = version["name"]!.GetValue<string>();
                var schema = (JsonObject)Convert(version["schema"]!["openAPIV3Schema"]!.AsObject());
                schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                var uri = new Uri($"https://schemas.cchc.vn/crds/{group}/{name}/{kind}.json");
                schemas[($"{group}/{name}", kind)] = JsonSchema.Build(
                    JsonSerializer.SerializeToElement(schema), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, uri);
            }
        }
        return schemas;
    }

    /// <summary>An OpenAPI v3 structural schema (with the x-kubernetes extensions) as strict JSON Schema.</summary>
    public static JsonNode Convert(JsonObject openApi)
    {
        var result = new JsonObject();
        foreach (var (key, value) in openApi)
        {
            switch (key)
            {
                case "properties" or "patternProperties":
                    result[key] = new JsonObject(value!.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Convert(p.Value!.AsObject()))));
                    break;
                case "items" or "not" or "additionalProperties" when value is JsonObject schema:
                    result[key] = Convert(schema);
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    result[key] = new JsonArray(value!.AsArray().Select(s => (JsonNode?)Convert(s!.AsObject())).ToArray());
                    break;
                case "description" or "default" or "example" or "nullable" or "format":
                    break;
                default:
                    if (!key.StartsWith("x-kubernetes-", StringComparison.Ordinal))
                    {
                        result[key] = value?.DeepClone();
                    }
                    break;
            }
        }

        var intOrString = openApi["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
        var preservesUnknownFields = openApi["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        var embeddedResource = openApi["x-kubernetes-embedded-resource"]?.GetValue<bool>() == true;
        if (intOrString)
        {
            result.Remove("type");
            if (!result.ContainsKey("anyOf"))
            {
                result["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
            }
        }
        if (embeddedResource && result["properties"] is JsonObject embedded)
        {
            foreach (var field in new[] { "apiVersion", "kind" })
            {
                embedded[field] ??= new JsonObject { ["type"] = "string" };
            }
            embedded["metadata"] ??= new JsonObject { ["type"] = "object" };
        }
        if (result["type"]?.GetValue<string>() == "object" && result.ContainsKey("properties")
            && !result.ContainsKey("additionalProperties") && !preservesUnknownFields)
        {
            result["additionalProperties"] = false;
        }
        if (openApi["nullable"]?.GetValue<bool>() == true && result["type"] is JsonValue type)
        {
            result["type"] = new JsonArray(type.GetValue<string>(), "null");
        }
        return result;
    }
}
