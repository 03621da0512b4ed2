using k8s.Models;

namespace Cchc.Kubernetes.Tests;

/// <summary>
/// What every workload (Deployment, StatefulSet) must have: requests and limits (CPU and memory) on every container;
/// startup, readiness and liveness probes on every long-running container; non-root, no privilege escalation, every
/// capability dropped, read-only root filesystem with a writable emptyDir /tmp, seccomp RuntimeDefault; no host
/// namespaces; no service-account token; an explicit image tag other than latest.
/// </summary>
public static class WorkloadPolicy
{
    public static IReadOnlyList<string> Check(IEnumerable<Manifest> manifests) => manifests.SelectMany(Check).ToList();

    public static IReadOnlyList<string> Check(Manifest manifest)
    {
        V1PodTemplateSpec? template = manifest.Kind switch
        {
            "Deployment" => KubernetesTypes.As<V1Deployment>(manifest).Spec.Template,
            "StatefulSet" => KubernetesTypes.As<V1StatefulSet>(manifest).Spec.Template,
            _ => null,
        };
        return template is null ? [] : CheckPod(manifest.Id, template.Spec);
    }

    private static List<string> CheckPod(string workload, V1PodSpec pod)
    {
        var problems = new List<string>();
        void Problem(string what) => problems.Add($"{workload}: {what}");

        if (pod.HostNetwork == true || pod.HostPID == true || pod.HostIPC == true)
        {
            Problem("shares a host namespace (hostNetwork/hostPID/hostIPC)");
        }
        if (pod.AutomountServiceAccountToken != false)
        {
            Problem("mounts a service-account token (automountServiceAccountToken must be false)");
        }
        foreach (var container in pod.InitContainers ?? [])
        {
            CheckContainer(pod, container, longRunning: false, what => Problem($"init container {container.Name} {what}"));
        }
        foreach (var container in pod.Containers ?? [])
        {
            CheckContainer(pod, container, longRunning: true, what => Problem($"container {container.Name} {what}"));
        }
        return problems;
    }

    private static void CheckContainer(V1PodSpec pod, V1Container container, bool longRunning, Action<string> problem)
    {
        CheckImage(container.Image, problem);
        foreach (var kind in new[] { "cpu", "memory" })
        {
            if (container.Resources?.Requests?.ContainsKey(kind) != true)
            {
                problem($"has no {kind} request");
            }
            if (container.Resources?.Limits?.ContainsKey(kind) != true)
            {
                problem($"has no {kind} limit");
            }
        }
        if (longRunning)
        {
            if (container.StartupProbe is null)
            {
                problem("has no startup probe");
            }
            if (container.ReadinessProbe is null)
            {
                problem("has no readiness probe");
            }
            if (container.LivenessProbe is null)
            {
                problem("has no liveness probe");
            }
        }

        var security = container.SecurityContext;
        var podSecurity = pod.SecurityContext;
        if ((security?.RunAsNonRoot ?? podSecurity?.RunAsNonRoot) != true)
        {
            problem("may run as root (runAsNonRoot must be true)");
        }
        if ((security?.RunAsUser ?? podSecurity?.RunAsUser) == 0)
        {
            problem("runs as UID 0");
        }
        if (security?.Privileged == true)
        {
            problem("is privileged");
        }
        if (security?.AllowPrivilegeEscalation != false)
        {
            problem("allows privilege escalation (allowPrivilegeEscalation must be false)");
        }
        if (security?.Capabilities?.Drop?.Contains("ALL") != true)
        {
            problem("keeps capabilities (capabilities.drop must include ALL)");
        }
        if (security?.Capabilities?.Add is { Count: > 0 } added)
        {
            problem($"adds capabilities {string.Join(", ", added)}");
        }
        var seccomp = security?.SeccompProfile?.Type ?? podSecurity?.SeccompProfile?.Type;
        if (seccomp is not ("RuntimeDefault" or "Localhost"))
        {
            problem("has no seccomp profile (RuntimeDefault)");
        }
        if (security?.ReadOnlyRootFilesystem != true)
        {
            problem("has a writable root filesystem (readOnlyRootFilesystem must be true)");
        }
        else
        {
            var tmp = container.VolumeMounts?.FirstOrDefault(m => m.MountPath == "/tmp");
            var volume = tmp is null ? null : pod.Volumes?.FirstOrDefault(v => v.Name == tmp.Name);
            if (volume?.EmptyDir is null || tmp!.ReadOnlyProperty == true)
            {
                problem("has a read-only root filesystem but no writable emptyDir at /tmp");
            }
        }
    }

    private static void CheckImage(string? image, Action<string> problem)
    {
        if (string.IsNullOrEmpty(image))
        {
            problem("has no image");
            return;
        }
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var tag = lastSegment.Contains(':', StringComparison.Ordinal) ? lastSegment[(lastSegment.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;
        if (!image.Contains('@', StringComparison.Ordinal) && (tag is null || tag == "latest"))
        {
            problem($"has image {image} without a fixed tag (kustomize images: sets it)");
        }
    }
}
