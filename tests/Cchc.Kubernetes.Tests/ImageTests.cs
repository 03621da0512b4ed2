using System.Text.RegularExpressions;
using System.Xml.Linq;
using k8s.Models;

namespace Cchc.Kubernetes.Tests;

/// <summary>
/// The images the manifests run are those the .NET SDK builds (Directory.Build.props: ContainerRepository per project,
/// non-root user), each pinned by the overlay's kustomize `images:`.
/// </summary>
public sealed partial class ImageTests
{
    /// <summary>Project name → image repository, as Directory.Build.props sets ContainerRepository.</summary>
    private static Dictionary<string, string> ContainerRepositories()
    {
        var props = XDocument.Load(Repository.Path("Directory.Build.props"));
        var groups = props.Root!.Elements("PropertyGroup").ToList();
        var repository = groups.Elements("ContainerRepository").Single().Value;
        return groups.Elements("CchcImageName").ToDictionary(
            e => ProjectCondition().Match(e.Attribute("Condition")!.Value).Groups[1].Value,
            e => repository.Replace("$(CchcImageName)", e.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryImageProject_Exists_RunsAsANonRootUser_OnAChiseledBase()
    {
        var props = XDocument.Load(Repository.Path("Directory.Build.props"));
        var repositories = ContainerRepositories();

        Assert.Equal(10, repositories.Count);
        Assert.All(repositories.Keys, project => Assert.True(File.Exists(Repository.Path("src", project, $"{project}.csproj")), $"no project {project}"));
        Assert.Equal("1654", props.Descendants("ContainerUser").Single().Value);
        Assert.Contains("chiseled", props.Descendants("ContainerFamily").Single().Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryDeployment_RunsTheImageItsProjectBuilds_UnderTheUserThePodDeclares(string overlay)
    {
        var repositories = ContainerRepositories().Values.ToHashSet(StringComparer.Ordinal);
        var deployments = Overlays.Get(overlay).OfKind("Deployment").Select(KubernetesTypes.As<V1Deployment>).ToList();

        var images = deployments.SelectMany(d => d.Spec.Template.Spec.Containers.Concat(d.Spec.Template.Spec.InitContainers ?? []))
            .Select(c => Repo(c.Image)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(repositories.Order(), images.Order());
        Assert.All(deployments, d => Assert.Equal(1654, d.Spec.Template.Spec.SecurityContext.RunAsUser));
        Assert.All(deployments, d => Assert.Equal($"cchc/{d.Metadata.Name}", Repo(d.Spec.Template.Spec.Containers.Single(c => c.Name == "app").Image)));
    }

    [Fact]
    public void Prod_PullsEveryImageFromTheProvincesRegistry_AtAVersion()
    {
        var prod = Overlays.Get(Overlays.Prod);
        var images = prod.OfKind("Deployment").Select(KubernetesTypes.As<V1Deployment>)
            .SelectMany(d => d.Spec.Template.Spec.Containers.Concat(d.Spec.Template.Spec.InitContainers ?? []).Select(c => c.Image));

        Assert.All(images, image => Assert.Matches(@"^registry\.example\.gov\.vn/cchc/[a-z-]+:\d+\.\d+\.\d+$", image));
        Assert.All(prod.OfKind("Cluster"), c => Assert.Matches(@"^ghcr\.io/cloudnative-pg/postgresql:\d+\.\d+-", c.Spec!["imageName"]!.GetValue<string>()));
        Assert.Matches(@"^rabbitmq:\d+\.\d+\.\d+-management$", prod.OfKind("RabbitmqCluster").Single().Spec!["image"]!.GetValue<string>());
    }

    /// <summary>registry/cchc/name:tag → cchc/name.</summary>
    private static string Repo(string image)
    {
        var withoutTag = image.Contains(':', StringComparison.Ordinal) && image.LastIndexOf(':') > image.LastIndexOf('/') ? image[..image.LastIndexOf(':')] : image;
        var parts = withoutTag.Split('/');
        return string.Join('/', parts[^2..]);
    }

    [GeneratedRegex(@"'\$\(MSBuildProjectName\)'\s*==\s*'([^']+)'")]
    private static partial Regex ProjectCondition();
}
