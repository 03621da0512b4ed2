using System.Text.Json.Nodes;

namespace Cchc.Kubernetes.Tests;

/// <summary>One object of a rendered manifest: its identity and its content as JSON.</summary>
public sealed record Manifest(string ApiVersion, string Kind, string Name, string? Namespace, JsonObject Json)
{
    public string Id => $"{Kind}/{Name}";

    public JsonObject? Spec => Json["spec"] as JsonObject;

    public override string ToString() => Id;

    /// <summary>Every object of a multi-document YAML text (empty documents skipped).</summary>
    public static IReadOnlyList<Manifest> ParseAll(string yaml) =>
        YamlJson.Documents(yaml).OfType<JsonObject>().Select(From).ToList();

    public static Manifest From(JsonObject json)
    {
        var metadata = json["metadata"] as JsonObject;
        return new Manifest(
            json["apiVersion"]?.GetValue<string>() ?? string.Empty,
            json["kind"]?.GetValue<string>() ?? string.Empty,
            metadata?["name"]?.GetValue<string>() ?? string.Empty,
            metadata?["namespace"]?.GetValue<string>(),
            json);
    }
}
