using k8s.Models;

namespace Cchc.Kubernetes.Tests;

/// <summary>
/// Only the gateway is reachable from outside the namespace: no other Service of type LoadBalancer or NodePort or
/// with external IPs, no Ingress to anything else, no host ports; a default-deny ingress NetworkPolicy, and no
/// NetworkPolicy admitting sources outside the namespace (any address, an IP block, another namespace) to pods other
/// than the gateway's — except the operators' controllers and Prometheus, named namespace and pods, on their ports.
/// </summary>
public static class ExposurePolicy
{
    public const string GatewayName = "gateway";

    /// <summary>Namespaces whose named pods may reach in: the operators' controllers and the Prometheus that scrapes.</summary>
    public static readonly IReadOnlySet<string> OperatorNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "cnpg-system", "rabbitmq-system", "monitoring",
    };

    private const string NamespaceNameLabel = "kubernetes.io/metadata.name";
    private const string NameLabel = "app.kubernetes.io/name";

    public static IReadOnlyList<string> Check(IReadOnlyList<Manifest> manifests)
    {
        var problems = new List<string>();
        foreach (var manifest in manifests)
        {
            switch (manifest.Kind)
            {
                case "Service":
                    CheckService(KubernetesTypes.As<V1Service>(manifest), problems);
                    break;
                case "Ingress":
                    CheckIngress(KubernetesTypes.As<V1Ingress>(manifest), problems);
                    break;
                case "Deployment":
                    CheckHostPorts(manifest.Id, KubernetesTypes.As<V1Deployment>(manifest).Spec.Template, problems);
                    break;
                case "StatefulSet":
                    CheckHostPorts(manifest.Id, KubernetesTypes.As<V1StatefulSet>(manifest).Spec.Template, problems);
                    break;
            }
        }

        var policies = manifests.Where(m => m.Kind == "NetworkPolicy").Select(KubernetesTypes.As<V1NetworkPolicy>).ToList();
        if (!policies.Any(IsDefaultDenyIngress))
        {
            problems.Add("no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules): pods accept any traffic");
        }
        foreach (var policy in policies)
        {
            CheckNetworkPolicy(policy, problems);
        }
        return problems;
    }

    private static void CheckService(V1Service service, List<string> problems)
    {
        var exposed = service.Spec.Type is "LoadBalancer" or "NodePort" || service.Spec.ExternalIPs is { Count: > 0 };
        if (exposed && !IsGateway(service.Spec.Selector))
        {
            problems.Add($"Service/{service.Metadata.Name} is exposed outside the namespace (type {service.Spec.Type ?? "ClusterIP"}" +
                $"{(service.Spec.ExternalIPs is { Count: > 0 } ? ", externalIPs" : string.Empty)}); only the gateway's Service may be");
        }
    }

    private static void CheckIngress(V1Ingress ingress, List<string> problems)
    {
        var backends = (ingress.Spec.Rules ?? []).SelectMany(r => r.Http?.Paths ?? []).Select(p => p.Backend)
            .Append(ingress.Spec.DefaultBackend)
            .Where(b => b is not null);
        foreach (var backend in backends)
        {
            if (backend!.Service?.Name != GatewayName)
            {
                problems.Add($"Ingress/{ingress.Metadata.Name} exposes {backend.Service?.Name ?? "a resource backend"}; only the gateway may be exposed");
            }
        }
    }

    private static void CheckHostPorts(string workload, V1PodTemplateSpec template, List<string> problems)
    {
        var ports = (template.Spec.Containers ?? []).SelectMany(c => c.Ports ?? []).Where(p => p.HostPort is > 0).ToList();
        if (ports.Count > 0)
        {
            problems.Add($"{workload} publishes host ports {string.Join(", ", ports.Select(p => p.HostPort))}: use the gateway's Service");
        }
    }

    private static void CheckNetworkPolicy(V1NetworkPolicy policy, List<string> problems)
    {
        var gatewayOnly = policy.Spec.PodSelector?.MatchLabels is { } labels
            && labels.TryGetValue(NameLabel, out var name) && name == GatewayName;
        foreach (var rule in policy.Spec.Ingress ?? [])
        {
            var peers = rule.FromProperty ?? [];
            if (peers.Count == 0)
            {
                if (!gatewayOnly)
                {
                    problems.Add($"NetworkPolicy/{policy.Metadata.Name} admits traffic from anywhere to pods other than the gateway's");
                }
                continue;
            }
            foreach (var peer in peers)
            {
                if (peer.IpBlock is not null && !gatewayOnly)
                {
                    problems.Add($"NetworkPolicy/{policy.Metadata.Name} admits the address block {peer.IpBlock.Cidr} to pods other than the gateway's");
                }
                else if (peer.NamespaceSelector is not null && !gatewayOnly && !IsOperatorPeer(peer))
                {
                    problems.Add($"NetworkPolicy/{policy.Metadata.Name} admits pods of other namespaces to pods other than the gateway's " +
                        $"(only named pods of {string.Join(", ", OperatorNamespaces)} may)");
                }
            }
        }
    }

    private static bool IsOperatorPeer(V1NetworkPolicyPeer peer) =>
        peer.NamespaceSelector.MatchExpressions is not { Count: > 0 }
        && peer.NamespaceSelector.MatchLabels is { Count: 1 } namespaceLabels
        && namespaceLabels.TryGetValue(NamespaceNameLabel, out var ns) && OperatorNamespaces.Contains(ns)
        && !Labels.IsEmpty(peer.PodSelector);

    private static bool IsDefaultDenyIngress(V1NetworkPolicy policy) =>
        Labels.IsEmpty(policy.Spec.PodSelector)
        && (policy.Spec.PolicyTypes?.Contains("Ingress") ?? true)
        && (policy.Spec.Ingress is null || policy.Spec.Ingress.Count == 0);

    private static bool IsGateway(IDictionary<string, string>? selector) =>
        selector is not null && selector.TryGetValue(NameLabel, out var name) && name == GatewayName;
}
