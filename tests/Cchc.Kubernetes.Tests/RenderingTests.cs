using Cchc.Contracts;
using k8s.Models;

namespace Cchc.Kubernetes.Tests;

/// <summary>Both overlays render with `kubectl kustomize` and hold what each is for.</summary>
public sealed class RenderingTests
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void TheOverlayRenders_WithADeploymentPerProcessOfTheSuite_InItsNamespace(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        var expectedNamespace = overlay == Overlays.Dev ? "cchc-dev" : "cchc";

        Assert.Equal(Suite.Deployments.Order(), rendered.OfKind("Deployment").Select(d => d.Name).Order());
        Assert.All(rendered.Manifests.Where(m => m.Kind != "Namespace"), m => Assert.Equal(expectedNamespace, m.Namespace));
        var ns = KubernetesTypes.As<V1Namespace>(rendered.Single("Namespace", expectedNamespace));
        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public void Dev_RunsOneReplicaOfEachDeployment_AndItsServersAsStatefulSetsInTheNamespace()
    {
        var dev = Overlays.Get(Overlays.Dev);

        Assert.All(dev.OfKind("Deployment").Select(KubernetesTypes.As<V1Deployment>), d => Assert.Equal(1, d.Spec.Replicas));
        var databases = dev.OfKind("StatefulSet").Select(KubernetesTypes.As<V1StatefulSet>)
            .Where(s => s.Spec.Template.Metadata.Labels.ContainsKey("cchc.vn/database")).ToList();
        Assert.Equal(Suite.Databases.Order(), databases.Select(s => s.Spec.Template.Metadata.Labels["cchc.vn/database"]).Order());
        Assert.All(databases, s => Assert.Equal(1, s.Spec.Replicas));
        Assert.All(Suite.Databases, db => dev.Single("Service", $"{db}-rw"));
        var messaging = KubernetesTypes.As<V1StatefulSet>(dev.Single("StatefulSet", ResourceNames.Messaging));
        Assert.Equal(1, messaging.Spec.Replicas);
        Assert.Contains("default_queue_type = quorum", ContainerEnvironment.ConfigMapData(dev, "messaging-config")!["20-cchc.conf"], StringComparison.Ordinal);
        Assert.DoesNotContain(dev.Manifests, m => m.Kind is "Cluster" or "RabbitmqCluster" or "HorizontalPodAutoscaler");
    }

    [Fact]
    public void Prod_HoldsACloudNativePgClusterPerDatabase_WithReplicasWalArchivingAndNightlyBackups()
    {
        var prod = Overlays.Get(Overlays.Prod);
        var clusters = prod.OfKind("Cluster").ToList();
        var stores = prod.OfKind("ObjectStore").Select(s => s.Name).ToHashSet();
        var backups = prod.OfKind("ScheduledBackup").ToList();

        Assert.Equal(Suite.Databases.Order(), clusters.Select(c => c.Name).Order());
        Assert.All(clusters, cluster =>
        {
            var spec = cluster.Spec!;
            Assert.True(spec["instances"]!.GetValue<long>() >= 3, $"{cluster}: fewer than 3 instances");
            Assert.Equal(cluster.Name, spec["bootstrap"]!["initdb"]!["database"]!.GetValue<string>());
            Assert.Equal(cluster.Name, spec["inheritedMetadata"]!["labels"]!["cchc.vn/database"]!.GetValue<string>());
            var archiver = Assert.Single(spec["plugins"]!.AsArray(), p => p!["isWALArchiver"]?.GetValue<bool>() == true)!;
            Assert.Equal("barman-cloud.cloudnative-pg.io", archiver["name"]!.GetValue<string>());
            Assert.Contains(archiver["parameters"]!["barmanObjectName"]!.GetValue<string>(), stores);
            Assert.Equal("required", spec["affinity"]!["podAntiAffinityType"]!.GetValue<string>());
            var backup = Assert.Single(backups, b => b.Spec!["cluster"]!["name"]!.GetValue<string>() == cluster.Name);
            Assert.Equal("plugin", backup.Spec!["method"]!.GetValue<string>());
            Assert.Equal("barman-cloud.cloudnative-pg.io", backup.Spec["pluginConfiguration"]!["name"]!.GetValue<string>());
        });
    }

    [Fact]
    public void Prod_HoldsARabbitmqCluster_OfThreeNodesWithQuorumQueuesAndADisruptionBudget()
    {
        var prod = Overlays.Get(Overlays.Prod);
        var messaging = prod.Single("RabbitmqCluster", ResourceNames.Messaging).Spec!;

        Assert.Equal(3, messaging["replicas"]!.GetValue<long>());
        Assert.Contains("default_queue_type = quorum", messaging["rabbitmq"]!["additionalConfig"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(messaging["affinity"]!["podAntiAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]);
        var budget = KubernetesTypes.As<V1PodDisruptionBudget>(prod.Single("PodDisruptionBudget", ResourceNames.Messaging));
        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
    }

    [Fact]
    public void Prod_ScalesEveryDeployment_SpreadsItsPods_AndLetsAtMostOneGoAtATime()
    {
        var prod = Overlays.Get(Overlays.Prod);
        var autoscalers = prod.OfKind("HorizontalPodAutoscaler").Select(KubernetesTypes.As<V2HorizontalPodAutoscaler>).ToList();
        var budgets = prod.OfKind("PodDisruptionBudget").Select(KubernetesTypes.As<V1PodDisruptionBudget>).ToList();

        foreach (var deployment in prod.OfKind("Deployment").Select(KubernetesTypes.As<V1Deployment>))
        {
            var name = deployment.Metadata.Name;
            var autoscaler = Assert.Single(autoscalers, a => a.Spec.ScaleTargetRef.Kind == "Deployment" && a.Spec.ScaleTargetRef.Name == name);
            Assert.True(autoscaler.Spec.MinReplicas >= 2, $"{name}: fewer than 2 replicas");
            Assert.True(autoscaler.Spec.MaxReplicas > autoscaler.Spec.MinReplicas, $"{name}: cannot scale");
            Assert.Null(deployment.Spec.Replicas);
            var budget = Assert.Single(budgets, b => Labels.Matches(b.Spec.Selector, deployment.Spec.Template.Metadata.Labels));
            Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
            var spread = deployment.Spec.Template.Spec.TopologySpreadConstraints ?? [];
            Assert.Contains(spread, c => c.TopologyKey == "kubernetes.io/hostname" && c.WhenUnsatisfiable == "DoNotSchedule");
            Assert.Contains(spread, c => c.TopologyKey == "topology.kubernetes.io/zone");
            Assert.All(spread, c => Assert.Contains("app.kubernetes.io/name", c.MatchLabelKeys));
        }
    }

    [Fact]
    public void Prod_AlertsOnTheSignalsThatMatter()
    {
        var rules = Overlays.Get(Overlays.Prod).OfKind("PrometheusRule").Single().Spec!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .ToDictionary(r => r!["alert"]!.GetValue<string>(), r => r!["expr"]!.GetValue<string>());

        Assert.Contains("cchc_outbox_pending", rules["CchcOutboxBacklog"], StringComparison.Ordinal);
        Assert.Contains("cchc_outbox_published_total", rules["CchcOutboxStalled"], StringComparison.Ordinal);
        Assert.Contains("rabbitmq_queue_messages_ready", rules["CchcConsumerLag"], StringComparison.Ordinal);
        Assert.Contains("_error", rules["CchcErrorQueueNotEmpty"], StringComparison.Ordinal);
        Assert.Contains("grpc_status_code", rules["CchcGrpcServerErrors"], StringComparison.Ordinal);
        Assert.Contains("job=\"reporting-api\"", rules["CchcReportLatencyHigh"], StringComparison.Ordinal);
    }

    /// <summary>The series the rules name are the ones the code emits (OpenTelemetry names with '.' as '_').</summary>
    [Fact]
    public void TheAlertRules_NameTheMetricsAndRoutesTheCodeHas()
    {
        var rules = string.Join(Environment.NewLine, Overlays.Get(Overlays.Prod).OfKind("PrometheusRule").Single().Spec!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).Select(r => r!["expr"]!.GetValue<string>()));
        var metrics = File.ReadAllText(Repository.Path("src", "Cchc.Messaging", "MessagingMetrics.cs"));
        var api = File.ReadAllText(Repository.Path("src", "Cchc.Reporting.Api", "Reports", "Http", "ReportApi.cs"));
        var pages = File.ReadAllText(Repository.Path("src", "Cchc.Reporting.Api", "Reports", "Pages", "ReportPages.cs"));
        var proto = File.ReadAllText(Repository.Path("src", "Cchc.Contracts", "protos", "cchc", "reporting", "v1", "reporting.proto"));

        foreach (var instrument in new[] { "cchc.outbox.pending", "cchc.outbox.published" })
        {
            Assert.Contains($"\"{instrument}\"", metrics, StringComparison.Ordinal);
            Assert.Contains(instrument.Replace('.', '_'), rules, StringComparison.Ordinal);
        }
        Assert.Contains("MapGroup(\"/api/reports\")", api, StringComparison.Ordinal);
        Assert.Contains("MapGet(\"/appendices/{no}\"", api, StringComparison.Ordinal);
        Assert.Contains("MapGroup(\"/reports\")", pages, StringComparison.Ordinal);
        Assert.Contains("MapGet(\"/appendices/{no}\"", pages, StringComparison.Ordinal);
        Assert.Contains("rpc GetAppendix", proto, StringComparison.Ordinal);
        Assert.Contains("ReportingService/GetAppendix", rules, StringComparison.Ordinal);
        Assert.Contains($"job=\"{ResourceNames.ReportingApi}\"", rules, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_TerminatesTlsAtTheGateway_AndProbesItOverHttps()
    {
        var prod = Overlays.Get(Overlays.Prod);
        var gateway = KubernetesTypes.As<V1Deployment>(prod.Single("Deployment", ResourceNames.Gateway)).Spec.Template.Spec;
        var app = gateway.Containers.Single(c => c.Name == "app");
        var environment = ContainerEnvironment.Of(prod, app);

        Assert.Equal("/etc/cchc/tls/tls.crt", environment["Gateway__Tls__CertificatePath"]);
        Assert.Equal("/etc/cchc/tls/tls.key", environment["Gateway__Tls__KeyPath"]);
        Assert.Contains(app.VolumeMounts, m => m.MountPath == "/etc/cchc/tls"
            && gateway.Volumes.Single(v => v.Name == m.Name).Secret?.SecretName == "gateway-tls");
        Assert.All(new[] { app.StartupProbe, app.ReadinessProbe, app.LivenessProbe }, p => Assert.Equal("HTTPS", p.HttpGet.Scheme));
        Assert.StartsWith("https://", environment["Security__Authentication__MetadataAddress"], StringComparison.Ordinal);
        Assert.Equal("true", environment["Security__Authentication__RequireHttpsMetadata"]);
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
    }
}
