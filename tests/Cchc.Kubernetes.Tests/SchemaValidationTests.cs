using System.Text.Json.Nodes;
using static Cchc.Kubernetes.Tests.SampleManifests;

namespace Cchc.Kubernetes.Tests;

/// <summary>
/// Every rendered object against its schema, offline: the Kubernetes API's types (KubernetesClient models, strict) and
/// the operators' CRDs (k8s/schemas/crds). The bad manifests prove the validator refuses what the API server would.
/// </summary>
public sealed class SchemaValidationTests
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryRenderedObject_ValidatesAgainstItsSchema(string overlay)
    {
        var manifests = Overlays.Get(overlay).Manifests;

        Assert.Empty(SchemaValidation.Validate(manifests));
        Assert.True(manifests.Count > 40, $"{overlay}: only {manifests.Count} objects rendered");
    }

    [Fact]
    public void ProdsCustomResources_AreValidatedByTheirVendoredCrds()
    {
        var custom = Overlays.Get(Overlays.Prod).Manifests.Where(m => !KubernetesTypes.IsBuiltIn(m.ApiVersion, m.Kind))
            .Select(m => (m.ApiVersion, m.Kind)).Distinct().Order().ToList();

        Assert.Equal(
            [("barmancloud.cnpg.io/v1", "ObjectStore"), ("monitoring.coreos.com/v1", "PrometheusRule"), ("monitoring.coreos.com/v1", "ServiceMonitor"),
             ("postgresql.cnpg.io/v1", "Cluster"), ("postgresql.cnpg.io/v1", "ScheduledBackup"), ("rabbitmq.com/v1beta1", "RabbitmqCluster")],
            custom);
        Assert.All(custom, k => Assert.True(CrdSchemas.Has(k.ApiVersion, k.Kind), $"{k} has no vendored schema"));
    }

    [Fact]
    public void ADeploymentWithAFieldKubernetesDoesNotHave_Fails()
    {
        var deployment = Deployment();
        AppContainer(deployment)["imagePullPolicies"] = "Always";

        var problem = Assert.Single(SchemaValidation.Validate(Manifest(deployment)));
        Assert.Contains("imagePullPolicies", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeploymentWithAValueOfTheWrongType_Fails()
    {
        var deployment = Deployment();
        AppContainer(deployment)["ports"]![0]!["containerPort"] = "grpc";

        Assert.Single(SchemaValidation.Validate(Manifest(deployment)));
    }

    [Fact]
    public void AnUnparsableQuantity_Fails()
    {
        var deployment = Deployment();
        AppContainer(deployment)["resources"]!["limits"]!["memory"] = "512MB";

        Assert.Single(SchemaValidation.Validate(Manifest(deployment)));
    }

    [Fact]
    public void AKindNobodyDefines_Fails() => Assert.Equal(
        ["Widget/w: example.com/v1 Widget is neither a Kubernetes API kind nor a vendored CRD"],
        SchemaValidation.Validate(Manifest(Parse("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"))));

    [Fact]
    public void AKindUnderTheWrongApiVersion_Fails() => Assert.Single(
        SchemaValidation.Validate(Manifest(Parse("apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n"))));

    private const string Cluster = """
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata:
          name: proceduresdb
        spec:
          instances: 3
          storage:
            size: 10Gi
          resources:
            requests: {cpu: 1, memory: 1Gi}
            limits: {cpu: "2", memory: 2Gi}
          plugins:
            - name: barman-cloud.cloudnative-pg.io
              isWALArchiver: true
              parameters:
                barmanObjectName: cchc-backups
        """;

    [Fact]
    public void AValidCluster_Passes_WithIntegerAndStringQuantities() =>
        Assert.Empty(SchemaValidation.Validate(Manifest(Parse(Cluster))));

    [Fact]
    public void AClusterWithAMisspelledField_Fails()
    {
        var cluster = Parse(Cluster);
        cluster["spec"]!["instance"] = 3;

        var problems = SchemaValidation.Validate(Manifest(cluster));

        Assert.Equal(["Cluster/proceduresdb /spec/instance: unknown field (not in the CRD schema)"], problems);
    }

    [Fact]
    public void AClusterWithoutItsRequiredField_Fails()
    {
        var cluster = Parse(Cluster);
        ((JsonObject)cluster["spec"]!).Remove("instances");

        var problems = SchemaValidation.Validate(Manifest(cluster));

        Assert.Contains(problems, p => p.Contains("instances", StringComparison.Ordinal));
    }

    [Fact]
    public void AClusterWithAValueOutsideItsEnum_Fails()
    {
        var cluster = Parse(Cluster);
        cluster["spec"]!["primaryUpdateStrategy"] = "whenever";

        Assert.NotEmpty(SchemaValidation.Validate(Manifest(cluster)));
    }

    [Fact]
    public void ARabbitmqClusterWithAWrongType_Fails() => Assert.NotEmpty(SchemaValidation.Validate(Manifest(Parse("""
        apiVersion: rabbitmq.com/v1beta1
        kind: RabbitmqCluster
        metadata:
          name: messaging
        spec:
          replicas: three
        """))));

    [Fact]
    public void APrometheusRuleWithoutAnExpression_Fails() => Assert.NotEmpty(SchemaValidation.Validate(Manifest(Parse("""
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: rules
        spec:
          groups:
            - name: g
              rules:
                - alert: NoExpression
                  for: 5m
        """))));
}
