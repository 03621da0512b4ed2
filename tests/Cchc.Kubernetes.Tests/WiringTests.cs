using System.Text.RegularExpressions;
using k8s.Models;

namespace Cchc.Kubernetes.Tests;

/// <summary>
/// What a typo would silently break and no schema catches: selectors that select nothing, ports nobody listens on,
/// references to objects that do not exist, variables used before they are defined, probes asking for a gRPC service
/// nobody serves.
/// </summary>
public sealed partial class WiringTests
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryService_SelectsPodsListeningOnItsTargetPorts(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        var pods = Pods.Of(rendered);
        foreach (var service in rendered.OfKind("Service").Select(KubernetesTypes.As<V1Service>))
        {
            var selected = pods.Where(p => Labels.Matches(service.Spec.Selector, p.Labels)).ToList();
            Assert.True(selected.Count > 0, $"Service/{service.Metadata.Name} selects no pod");
            foreach (var port in service.Spec.Ports)
            {
                Assert.True(selected.All(p => p.Exposes(port.TargetPort ?? (IntOrString)port.Port)),
                    $"Service/{service.Metadata.Name} port {port.Name}: target {port.TargetPort?.Value} is not a port of {string.Join(", ", selected.Select(p => p.Owner))}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryNetworkPolicy_SelectsPods_AdmitsPodsThatExist_OnPortsTheyListenOn(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        var pods = Pods.Of(rendered);
        foreach (var policy in rendered.OfKind("NetworkPolicy").Select(KubernetesTypes.As<V1NetworkPolicy>))
        {
            var name = $"NetworkPolicy/{policy.Metadata.Name}";
            var targets = pods.Where(p => Labels.Matches(policy.Spec.PodSelector, p.Labels)).ToList();
            Assert.True(targets.Count > 0, $"{name} selects no pod");
            foreach (var rule in policy.Spec.Ingress ?? [])
            {
                foreach (var peer in (rule.FromProperty ?? []).Where(p => p.PodSelector is not null && p.NamespaceSelector is null))
                {
                    Assert.True(pods.Any(p => Labels.Matches(peer.PodSelector, p.Labels)), $"{name} admits pods that do not exist");
                }
                foreach (var port in rule.Ports ?? [])
                {
                    Assert.True(targets.All(t => t.Exposes(port.Port)),
                        $"{name}: port {port.Port.Value} is not a port of {string.Join(", ", targets.Where(t => !t.Exposes(port.Port)).Select(t => t.Owner))}");
                }
            }
        }
    }

    /// <summary>Each database admits its own service and nothing else of the suite; the broker only the services that use it.</summary>
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EachDatabase_IsReachableFromItsServiceOnly_AndTheBrokerFromTheServices(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        var pods = Pods.Of(rendered);
        var policies = rendered.OfKind("NetworkPolicy").Select(KubernetesTypes.As<V1NetworkPolicy>).ToList();
        var suitePods = pods.Where(p => p.Labels.TryGetValue("app.kubernetes.io/name", out var n) && Suite.Deployments.Contains(n)).ToList();

        IEnumerable<string> Admitted(PodKind target) => suitePods
            .Where(source => policies.Any(policy => Labels.Matches(policy.Spec.PodSelector, target.Labels)
                && (policy.Spec.Ingress ?? []).Any(rule => (rule.FromProperty ?? []).Any(peer =>
                    peer.NamespaceSelector is null && peer.IpBlock is null && Labels.Matches(peer.PodSelector, source.Labels)))))
            .Select(source => source.Labels["app.kubernetes.io/name"])
            .Order();

        foreach (var (service, _, database, _) in Suite.DatabaseServices)
        {
            var databasePods = pods.Where(p => p.Labels.TryGetValue("cchc.vn/database", out var db) && db == database).ToList();
            Assert.NotEmpty(databasePods);
            Assert.All(databasePods, p => Assert.Equal([service], Admitted(p)));
        }
        var broker = pods.Single(p => p.Labels.TryGetValue("app.kubernetes.io/name", out var n) && n == Cchc.Contracts.ResourceNames.Messaging);
        Assert.Equal(Suite.DatabaseServices.Where(s => s.Messaging).Select(s => s.Service).Order(), Admitted(broker));
    }

    /// <summary>
    /// The LGSP/NGSP adapter is the one pod with restricted egress and the one service that calls others: what it needs
    /// inside the namespace is open in both directions (its egress and the target's ingress), on the ports its peers
    /// listen on; outside the cluster only HTTPS; no other database of the suite.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void TheAdapter_ReachesItsPeersBothWays_AndTheOutsideOnlyOverHttps(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        var pods = Pods.Of(rendered);
        var policies = rendered.OfKind("NetworkPolicy").Select(KubernetesTypes.As<V1NetworkPolicy>).ToList();
        PodKind Named(string name) => pods.Single(p => p.Labels.TryGetValue("app.kubernetes.io/name", out var n) && n == name);
        var adapter = Named(Cchc.Contracts.ResourceNames.IntegrationApi);

        var egress = policies.Where(p => p.Spec.PolicyTypes?.Contains("Egress") == true).ToList();
        Assert.NotEmpty(egress);
        Assert.All(egress, p => Assert.True(pods.Where(pod => Labels.Matches(p.Spec.PodSelector, pod.Labels)).All(pod => pod == adapter),
            $"NetworkPolicy/{p.Metadata.Name} restricts the egress of pods other than the adapter's"));
        var rules = egress.Where(p => Labels.Matches(p.Spec.PodSelector, adapter.Labels)).SelectMany(p => p.Spec.Egress ?? []).ToList();

        bool Sends(PodKind target, int port) => rules.Any(rule =>
            (rule.To ?? []).Any(peer => peer.NamespaceSelector is null && peer.IpBlock is null && Labels.Matches(peer.PodSelector, target.Labels))
            && (rule.Ports is null || rule.Ports.Any(p => p.Port.Value == port.ToString(System.Globalization.CultureInfo.InvariantCulture) || (target.Spec?.Containers ?? []).SelectMany(c => c.Ports ?? []).Any(c => c.Name == p.Port.Value && c.ContainerPort == port))));
        bool Admits(PodKind target, int port) => policies.Any(policy => Labels.Matches(policy.Spec.PodSelector, target.Labels)
            && (policy.Spec.Ingress ?? []).Any(rule =>
                (rule.FromProperty ?? []).Any(peer => peer.NamespaceSelector is null && peer.IpBlock is null && Labels.Matches(peer.PodSelector, adapter.Labels))
                && (rule.Ports is null || rule.Ports.Any(p => target.Exposes(p.Port) && (p.Port.Value == port.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    || (target.Spec?.Containers ?? []).SelectMany(c => c.Ports ?? []).Any(c => c.Name == p.Port.Value && c.ContainerPort == port))))));

        var database = pods.Single(p => p.Labels.TryGetValue("cchc.vn/database", out var db) && db == Cchc.Contracts.ResourceNames.IntegrationDb);
        foreach (var (target, port) in new[]
        {
            (database, 5432), (Named(Cchc.Contracts.ResourceNames.Messaging), 5672), (Named(Cchc.Contracts.ResourceNames.Identity), 8080),
            (Named(Cchc.Contracts.ResourceNames.ProceduresApi), 8080), (Named(Cchc.Contracts.ResourceNames.ReportingApi), 8081),
        })
        {
            Assert.True(target.Exposes(port), $"{target.Owner} does not listen on {port}");
            Assert.True(Sends(target, port), $"the adapter's egress does not admit {target.Owner}:{port}");
            Assert.True(Admits(target, port), $"{target.Owner} does not admit the adapter on {port}");
        }
        Assert.False(Admits(Named(Cchc.Contracts.ResourceNames.ProceduresApi), 8081), "procedures-api admits the adapter on its HTTP port too");
        Assert.False(Admits(Named(Cchc.Contracts.ResourceNames.ReportingApi), 8080), "reporting-api admits the adapter on its gRPC port too");
        foreach (var other in pods.Where(p => p.Labels.ContainsKey("cchc.vn/database") && p != database))
        {
            Assert.False(Sends(other, 5432), $"the adapter's egress admits {other.Owner}");
        }
        var outside = rules.Where(rule => (rule.To ?? []).Any(peer => peer.IpBlock is not null)).ToList();
        Assert.NotEmpty(outside);
        Assert.All(outside, rule => Assert.Equal(["443"], (rule.Ports ?? []).Select(p => p.Port.Value)));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryConfigMapReference_NamesARenderedConfigMapAndKey(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        foreach (var (owner, pod) in PodSpecs(rendered))
        {
            foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
            {
                foreach (var source in (container.EnvFrom ?? []).Where(s => s.ConfigMapRef is not null))
                {
                    Assert.True(ContainerEnvironment.ConfigMapData(rendered, source.ConfigMapRef.Name) is not null, $"{owner}: no ConfigMap {source.ConfigMapRef.Name}");
                }
                foreach (var reference in (container.Env ?? []).Select(e => e.ValueFrom?.ConfigMapKeyRef).OfType<V1ConfigMapKeySelector>())
                {
                    Assert.True(ContainerEnvironment.ConfigMapData(rendered, reference.Name)?.ContainsKey(reference.Key) == true,
                        $"{owner}: no key {reference.Key} in ConfigMap {reference.Name}");
                }
            }
            foreach (var volume in (pod.Volumes ?? []).Where(v => v.ConfigMap is not null))
            {
                Assert.True(ContainerEnvironment.ConfigMapData(rendered, volume.ConfigMap.Name) is not null, $"{owner}: no ConfigMap {volume.ConfigMap.Name}");
            }
        }
    }

    /// <summary>A $(VAR) in an env value expands only if VAR comes earlier in the same container's env.</summary>
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryVariableReference_IsDefinedEarlierInItsContainer(string overlay)
    {
        foreach (var (owner, pod) in PodSpecs(Overlays.Get(overlay)))
        {
            foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
            {
                var defined = new HashSet<string>(StringComparer.Ordinal);
                foreach (var variable in container.Env ?? [])
                {
                    foreach (Match reference in VariableReference().Matches(variable.Value ?? string.Empty))
                    {
                        Assert.True(defined.Contains(reference.Groups[1].Value),
                            $"{owner} {container.Name}: {variable.Name} uses $({reference.Groups[1].Value}) before it is defined");
                    }
                    defined.Add(variable.Name);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryGrpcProbe_AsksForAServiceThatTheContractsDefine(string overlay)
    {
        var services = Directory.GetFiles(Repository.Path("src", "Cchc.Contracts", "protos"), "*.proto", SearchOption.AllDirectories)
            .SelectMany(file =>
            {
                var text = File.ReadAllText(file);
                var package = ProtoPackage().Match(text).Groups[1].Value;
                return ProtoService().Matches(text).Select(m => $"{package}.{m.Groups[1].Value}");
            })
            .ToHashSet(StringComparer.Ordinal);
        var probes = PodSpecs(Overlays.Get(overlay))
            .SelectMany(p => p.Pod.Containers.SelectMany(c => new[] { c.StartupProbe, c.ReadinessProbe, c.LivenessProbe }))
            .Where(p => p?.Grpc is not null)
            .Select(p => p!.Grpc.Service)
            .ToList();

        Assert.Equal(16, probes.Count);
        Assert.All(probes, service => Assert.True(service is not null && services.Contains(service), $"gRPC probe for {service}: no such service in the protos"));
    }

    [Fact]
    public void ProdsAutoscalersAndBudgets_TargetWhatExists()
    {
        var prod = Overlays.Get(Overlays.Prod);
        var pods = Pods.Of(prod);
        foreach (var autoscaler in prod.OfKind("HorizontalPodAutoscaler").Select(KubernetesTypes.As<V2HorizontalPodAutoscaler>))
        {
            prod.Single(autoscaler.Spec.ScaleTargetRef.Kind, autoscaler.Spec.ScaleTargetRef.Name);
        }
        foreach (var budget in prod.OfKind("PodDisruptionBudget").Select(KubernetesTypes.As<V1PodDisruptionBudget>))
        {
            Assert.True(pods.Count(p => Labels.Matches(budget.Spec.Selector, p.Labels)) == 1, $"PodDisruptionBudget/{budget.Metadata.Name} must select one workload's pods");
        }
    }

    internal static IEnumerable<(string Owner, V1PodSpec Pod)> PodSpecs(RenderedOverlay overlay) =>
        Pods.Of(overlay).Where(p => p.Spec is not null).Select(p => (p.Owner, p.Spec!));

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex ProtoPackage();

    [GeneratedRegex(@"^service\s+(\w+)\s*\{", RegexOptions.Multiline)]
    private static partial Regex ProtoService();
}
