namespace Cchc.Kubernetes.Tests;

/// <summary>The overlays as `kubectl kustomize` renders them, once per test run.</summary>
public static class Overlays
{
    public const string Dev = "dev";
    public const string Prod = "prod";

    public static readonly TheoryData<string> All = new() { Dev, Prod };

    private static readonly Dictionary<string, Lazy<RenderedOverlay>> Rendered = new()
    {
        [Dev] = new(() => Render(Dev)),
        [Prod] = new(() => Render(Prod)),
    };

    public static RenderedOverlay Get(string overlay) => Rendered[overlay].Value;

    private static RenderedOverlay Render(string overlay)
    {
        var directory = Repository.Path("k8s", "overlays", overlay);
        return new RenderedOverlay(overlay, Manifest.ParseAll(Tools.Kustomize(directory)));
    }
}

/// <summary>An overlay's objects, with the look-ups the checks share.</summary>
public sealed record RenderedOverlay(string Name, IReadOnlyList<Manifest> Manifests)
{
    public IEnumerable<Manifest> OfKind(string kind) => Manifests.Where(m => m.Kind == kind);

    public Manifest Single(string kind, string name) =>
        Manifests.SingleOrDefault(m => m.Kind == kind && m.Name == name)
        ?? throw new InvalidOperationException($"{Name}: no {kind}/{name} among {string.Join(", ", Manifests)}.");
}
