using System.Text.Json.Nodes;
using k8s.Models;

namespace Cchc.Kubernetes.Tests;

/// <summary>A kind of pod the overlay will run: from a workload's template, or made by an operator from its resource.</summary>
public sealed record PodKind(string Owner, IDictionary<string, string> Labels, V1PodSpec? Spec, IReadOnlySet<string> PortNames, IReadOnlySet<int> Ports)
{
    public bool Exposes(IntOrString port) =>
        int.TryParse(port.Value, out var number) ? Ports.Contains(number) : PortNames.Contains(port.Value);
}

public static class Pods
{
    /// <summary>The pods of the overlay's Deployments and StatefulSets, and those the operators create for its Clusters and RabbitmqClusters.</summary>
    public static IReadOnlyList<PodKind> Of(RenderedOverlay overlay)
    {
        var pods = new List<PodKind>();
        foreach (var manifest in overlay.Manifests)
        {
            var template = manifest.Kind switch
            {
                "Deployment" => KubernetesTypes.As<V1Deployment>(manifest).Spec.Template,
                "StatefulSet" => KubernetesTypes.As<V1StatefulSet>(manifest).Spec.Template,
                _ => null,
            };
            if (template is not null)
            {
                var ports = (template.Spec.Containers ?? []).SelectMany(c => c.Ports ?? []).ToList();
                pods.Add(new PodKind(manifest.Id, template.Metadata.Labels ?? new Dictionary<string, string>(), template.Spec,
                    ports.Where(p => p.Name is not null).Select(p => p.Name).ToHashSet(), ports.Select(p => p.ContainerPort).ToHashSet()));
            }
            else if (manifest.Kind == "Cluster" && manifest.ApiVersion == "postgresql.cnpg.io/v1")
            {
                // CloudNativePG's instance pods: cnpg.io/cluster=<name> plus spec.inheritedMetadata.labels; PostgreSQL and the instance manager.
                var labels = Inherited(manifest.Spec?["inheritedMetadata"]?["labels"] as JsonObject);
                labels["cnpg.io/cluster"] = manifest.Name;
                pods.Add(new PodKind(manifest.Id, labels, null, new HashSet<string> { "postgresql", "status", "metrics" }, new HashSet<int> { 5432, 8000, 9187 }));
            }
            else if (manifest.Kind == "RabbitmqCluster")
            {
                // The RabbitMQ operator's node pods (internal/metadata/label.go) and their ports.
                var labels = new Dictionary<string, string>
                {
                    ["app.kubernetes.io/name"] = manifest.Name,
                    ["app.kubernetes.io/component"] = "rabbitmq",
                    ["app.kubernetes.io/part-of"] = "rabbitmq",
                };
                pods.Add(new PodKind(manifest.Id, labels, null, new HashSet<string> { "amqp", "management", "prometheus", "epmd", "cluster-rpc" },
                    new HashSet<int> { 4369, 5672, 15672, 15692, 25672, 35672 }));
            }
        }
        return pods;
    }

    private static Dictionary<string, string> Inherited(JsonObject? labels) =>
        labels?.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? new Dictionary<string, string>();
}

/// <summary>A container's environment as the kubelet builds it: ConfigMaps of envFrom, then env (references described, not resolved).</summary>
public static class ContainerEnvironment
{
    public static Dictionary<string, string> Of(RenderedOverlay overlay, V1Container container)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } reference)
            {
                foreach (var (key, value) in ConfigMapData(overlay, reference.Name) ?? new Dictionary<string, string>())
                {
                    environment[key] = value;
                }
            }
        }
        foreach (var variable in container.Env ?? [])
        {
            environment[variable.Name] = variable.ValueFrom switch
            {
                null => variable.Value ?? string.Empty,
                { SecretKeyRef: { } secret } => $"<secret {secret.Name}/{secret.Key}>",
                { ConfigMapKeyRef: { } config } => (ConfigMapData(overlay, config.Name) is { } data && data.TryGetValue(config.Key, out var value) ? value : null)
                    ?? $"<missing ConfigMap {config.Name}/{config.Key}>",
                { FieldRef: { } field } => $"<field {field.FieldPath}>",
                _ => "<reference>",
            };
        }
        return environment;
    }

    public static IDictionary<string, string>? ConfigMapData(RenderedOverlay overlay, string name) =>
        overlay.OfKind("ConfigMap").Where(m => m.Name == name).Select(m => KubernetesTypes.As<V1ConfigMap>(m).Data ?? new Dictionary<string, string>())
            .SingleOrDefault();
}
