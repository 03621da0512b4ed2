using System.Text.Json.Nodes;

namespace Cchc.Kubernetes.Tests;

/// <summary>Small manifests the policy and schema tests start from: valid as written, broken one field at a time.</summary>
internal static class SampleManifests
{
    /// <summary>A Deployment meeting every workload rule (the shape of the base's Deployments).</summary>
    public static JsonObject Deployment(string name = "sample-api") => Parse($$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: {{name}}
          template:
            metadata:
              labels:
                app.kubernetes.io/name: {{name}}
            spec:
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                runAsUser: 1654
                seccompProfile:
                  type: RuntimeDefault
              initContainers:
                - name: migrate
                  image: cchc/{{name}}:1.0.0
                  args: [migrate]
                  resources:
                    requests: {cpu: 50m, memory: 128Mi}
                    limits: {cpu: 500m, memory: 384Mi}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities:
                      drop: [ALL]
                  volumeMounts:
                    - name: tmp
                      mountPath: /tmp
              containers:
                - name: app
                  image: cchc/{{name}}:1.0.0
                  ports:
                    - name: grpc
                      containerPort: 8080
                  startupProbe:
                    grpc: {port: 8080}
                  readinessProbe:
                    grpc: {port: 8080}
                  livenessProbe:
                    httpGet: {path: /alive, port: 8081}
                  resources:
                    requests: {cpu: 100m, memory: 256Mi}
                    limits: {cpu: "1", memory: 512Mi}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities:
                      drop: [ALL]
                  volumeMounts:
                    - name: tmp
                      mountPath: /tmp
              volumes:
                - name: tmp
                  emptyDir: {}
        """);

    public static JsonObject Parse(string yaml) => (JsonObject)YamlJson.Documents(yaml).Single()!;

    public static Manifest Manifest(JsonObject json) => Cchc.Kubernetes.Tests.Manifest.From(json);

    public static IReadOnlyList<Manifest> Manifests(string yaml) => Cchc.Kubernetes.Tests.Manifest.ParseAll(yaml);

    /// <summary>The node at a path of property names and array indexes, e.g. ("spec", "template", "spec", "containers", 0).</summary>
    public static JsonNode At(JsonNode root, params object[] path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = step switch
            {
                string name => node[name],
                int index => node[index],
                _ => throw new ArgumentException($"Path step {step} is neither a name nor an index."),
            } ?? throw new InvalidOperationException($"Nothing at {string.Join('/', path)}.");
        }
        return node;
    }

    public static JsonObject AppContainer(JsonObject deployment) =>
        (JsonObject)At(deployment, "spec", "template", "spec", "containers", 0);

    public static JsonObject MigrateContainer(JsonObject deployment) =>
        (JsonObject)At(deployment, "spec", "template", "spec", "initContainers", 0);

    public static JsonObject PodSpec(JsonObject deployment) => (JsonObject)At(deployment, "spec", "template", "spec");
}
