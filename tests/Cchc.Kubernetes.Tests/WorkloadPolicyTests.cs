using System.Text.Json.Nodes;
using static Cchc.Kubernetes.Tests.SampleManifests;

namespace Cchc.Kubernetes.Tests;

/// <summary>Probes, limits and the non-root settings on every workload; each rule proven by a manifest that breaks it.</summary>
public sealed class WorkloadPolicyTests
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryWorkload_HasProbesLimitsAndTheNonRootSettings(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        var workloads = rendered.Manifests.Where(m => m.Kind is "Deployment" or "StatefulSet").ToList();

        Assert.True(workloads.Count >= 8, $"{overlay}: only {workloads.Count} workloads rendered");
        Assert.Empty(WorkloadPolicy.Check(workloads));
    }

    [Fact]
    public void TheSampleDeployment_PassesEveryRule() =>
        Assert.Empty(WorkloadPolicy.Check(Manifest(Deployment())));

    public static TheoryData<string, string> MissingProbes => new()
    {
        { "startupProbe", "container app has no startup probe" },
        { "readinessProbe", "container app has no readiness probe" },
        { "livenessProbe", "container app has no liveness probe" },
    };

    [Theory]
    [MemberData(nameof(MissingProbes))]
    public void ADeploymentWithoutAProbe_Fails(string probe, string expected)
    {
        var deployment = Deployment();
        AppContainer(deployment).Remove(probe);

        Assert.Equal([$"Deployment/sample-api: {expected}"], WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void ADeploymentWithoutLimits_Fails()
    {
        var deployment = Deployment();
        ((JsonObject)AppContainer(deployment)["resources"]!).Remove("limits");

        Assert.Equal(
            ["Deployment/sample-api: container app has no cpu limit", "Deployment/sample-api: container app has no memory limit"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void AMigratorWithoutRequests_Fails()
    {
        var deployment = Deployment();
        ((JsonObject)MigrateContainer(deployment)["resources"]!).Remove("requests");

        Assert.Equal(
            ["Deployment/sample-api: init container migrate has no cpu request", "Deployment/sample-api: init container migrate has no memory request"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void ADeploymentThatMayRunAsRoot_Fails()
    {
        var deployment = Deployment();
        ((JsonObject)PodSpec(deployment)["securityContext"]!).Remove("runAsNonRoot");

        Assert.Equal(
            ["Deployment/sample-api: init container migrate may run as root (runAsNonRoot must be true)",
             "Deployment/sample-api: container app may run as root (runAsNonRoot must be true)"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void ADeploymentRunningAsUidZero_Fails()
    {
        var deployment = Deployment();
        AppContainer(deployment)["securityContext"]!["runAsUser"] = 0;

        Assert.Equal(["Deployment/sample-api: container app runs as UID 0"], WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void ADeploymentAllowingPrivilegeEscalation_Fails()
    {
        var deployment = Deployment();
        AppContainer(deployment)["securityContext"]!["allowPrivilegeEscalation"] = true;

        Assert.Equal(["Deployment/sample-api: container app allows privilege escalation (allowPrivilegeEscalation must be false)"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void ADeploymentKeepingCapabilities_Fails()
    {
        var deployment = Deployment();
        AppContainer(deployment)["securityContext"]!["capabilities"] = new JsonObject { ["add"] = new JsonArray("NET_ADMIN") };

        Assert.Equal(
            ["Deployment/sample-api: container app keeps capabilities (capabilities.drop must include ALL)",
             "Deployment/sample-api: container app adds capabilities NET_ADMIN"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void ADeploymentWithAWritableRootFilesystem_Fails()
    {
        var deployment = Deployment();
        AppContainer(deployment)["securityContext"]!["readOnlyRootFilesystem"] = false;

        Assert.Equal(["Deployment/sample-api: container app has a writable root filesystem (readOnlyRootFilesystem must be true)"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void AReadOnlyRootWithoutAWritableTmp_Fails()
    {
        var deployment = Deployment();
        AppContainer(deployment).Remove("volumeMounts");

        Assert.Equal(["Deployment/sample-api: container app has a read-only root filesystem but no writable emptyDir at /tmp"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void ADeploymentWithoutSeccomp_Fails()
    {
        var deployment = Deployment();
        ((JsonObject)PodSpec(deployment)["securityContext"]!).Remove("seccompProfile");

        Assert.Equal(
            ["Deployment/sample-api: init container migrate has no seccomp profile (RuntimeDefault)",
             "Deployment/sample-api: container app has no seccomp profile (RuntimeDefault)"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Fact]
    public void ADeploymentMountingAServiceAccountToken_Fails()
    {
        var deployment = Deployment();
        PodSpec(deployment).Remove("automountServiceAccountToken");

        Assert.Equal(["Deployment/sample-api: mounts a service-account token (automountServiceAccountToken must be false)"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }

    [Theory]
    [InlineData("cchc/sample-api")]
    [InlineData("cchc/sample-api:latest")]
    [InlineData("registry.example.gov.vn:5000/cchc/sample-api")]
    public void AnImageWithoutAFixedTag_Fails(string image)
    {
        var deployment = Deployment();
        AppContainer(deployment)["image"] = image;

        Assert.Equal([$"Deployment/sample-api: container app has image {image} without a fixed tag (kustomize images: sets it)"],
            WorkloadPolicy.Check(Manifest(deployment)));
    }
}
