namespace Cchc.Kubernetes.Tests;

/// <summary>Every object against its schema: the Kubernetes API's types for built-in kinds, the vendored CRDs for the operators'.</summary>
public static class SchemaValidation
{
    public static IReadOnlyList<string> Validate(IEnumerable<Manifest> manifests) => manifests.SelectMany(Validate).ToList();

    public static IReadOnlyList<string> Validate(Manifest manifest)
    {
        if (string.IsNullOrEmpty(manifest.Name))
        {
            return [$"{manifest.ApiVersion} {manifest.Kind} without metadata.name"];
        }
        if (CrdSchemas.Has(manifest.ApiVersion, manifest.Kind))
        {
            return CrdSchemas.Validate(manifest);
        }
        if (!KubernetesTypes.IsBuiltIn(manifest.ApiVersion, manifest.Kind))
        {
            return [$"{manifest.Id}: {manifest.ApiVersion} {manifest.Kind} is neither a Kubernetes API kind nor a vendored CRD"];
        }
        try
        {
            KubernetesTypes.Deserialize(manifest);
            return [];
        }
        catch (InvalidOperationException ex)
        {
            return [$"{manifest.Id}: {ex.Message}"];
        }
    }
}
