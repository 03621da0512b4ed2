using Cchc.Contracts;
using Cchc.Contracts.Security;
using Cchc.Gateway.Routing;
using k8s.Models;

namespace Cchc.Kubernetes.Tests;

/// <summary>
/// The configuration names in the manifests are those the AppHost injects (aspire/Cchc.AppHost), built here from the
/// same constants (ResourceNames, the gateway's backends), so no code path exists only in Kubernetes.
/// </summary>
public sealed class ConfigurationTests
{
    private static V1PodSpec PodOf(RenderedOverlay overlay, string deployment) =>
        KubernetesTypes.As<V1Deployment>(overlay.Single("Deployment", deployment)).Spec.Template.Spec;

    private static Dictionary<string, string> AppEnvironment(RenderedOverlay overlay, string deployment) =>
        ContainerEnvironment.Of(overlay, PodOf(overlay, deployment).Containers.Single(c => c.Name == "app"));

    [Theory]
    [MemberData(nameof(Suite.OverlaysAndServices), MemberType = typeof(Suite))]
    public void AServiceAndItsMigrator_GetTheConnectionStringsAndNamesTheAppHostGives(string overlay, string service)
    {
        var rendered = Overlays.Get(overlay);
        var (_, migrator, database, messaging) = Suite.DatabaseServices.Single(s => s.Service == service);
        var pod = PodOf(rendered, service);
        var app = ContainerEnvironment.Of(rendered, pod.Containers.Single(c => c.Name == "app"));
        var migrate = pod.InitContainers.Single(c => c.Name == "migrate");
        var migration = ContainerEnvironment.Of(rendered, migrate);

        var connectionString = $"ConnectionStrings__{database}";
        Assert.StartsWith($"Host={database}-rw;Port=5432;Database={database};", app[connectionString], StringComparison.Ordinal);
        Assert.Equal(app[connectionString], migration[connectionString]);
        Assert.Equal(service, app["OTEL_SERVICE_NAME"]);
        Assert.Equal(migrator, migration["OTEL_SERVICE_NAME"]);
        Assert.Equal(["migrate"], migrate.Args);
        Assert.Equal(pod.Containers.Single(c => c.Name == "app").Image, migrate.Image);
        Assert.Equal(messaging, app.ContainsKey($"ConnectionStrings__{ResourceNames.Messaging}"));
        Assert.DoesNotContain(migration.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && k != connectionString);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryDomainServiceAndReporting_HasTheTwoKestrelEndpointsOfTheAppHost(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        foreach (var service in Suite.DatabaseServices.Where(s => s.Messaging).Select(s => s.Service))
        {
            var environment = AppEnvironment(rendered, service);
            var ports = KubernetesTypes.As<V1Service>(rendered.Single("Service", service)).Spec.Ports;

            foreach (var (endpoint, protocols) in new[] { (ResourceNames.GrpcEndpoint, "Http2"), (ResourceNames.HttpEndpoint, "Http1") })
            {
                Assert.Equal(protocols, environment[$"Kestrel__Endpoints__{endpoint}__Protocols"]);
                var port = ports.Single(p => p.Name == endpoint).Port;
                Assert.Equal($"http://+:{port}", environment[$"Kestrel__Endpoints__{endpoint}__Url"]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void TheGateway_DiscoversEveryBackendByTheNamesTheAppHostInjects(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        var environment = AppEnvironment(rendered, ResourceNames.Gateway);
        var discovered = environment.Keys.Where(k => k.StartsWith("services__", StringComparison.Ordinal)).Order().ToList();

        var expected = GatewayRoutes.Backends
            .SelectMany(b => new[] { (b.ResourceName, ResourceNames.GrpcEndpoint), (b.ResourceName, ResourceNames.HttpEndpoint) })
            .Append((ResourceNames.Identity, ResourceNames.HttpEndpoint))
            .ToList();
        Assert.Equal(expected.Select(e => $"services__{e.Item1}__{e.Item2}__0").Order(), discovered);
        foreach (var (resource, endpoint) in expected)
        {
            var port = KubernetesTypes.As<V1Service>(rendered.Single("Service", resource)).Spec.Ports.Single(p => p.Name == endpoint).Port;
            Assert.Equal($"http://{resource}:{port}", environment[$"services__{resource}__{endpoint}__0"]);
        }
        Assert.Equal("0.0.0.0", environment["Gateway__ListenAddress"]);
        var gatewayPorts = KubernetesTypes.As<V1Service>(rendered.Single("Service", ResourceNames.Gateway)).Spec.Ports;
        Assert.Equal(gatewayPorts.Single(p => p.Name == ResourceNames.GrpcEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), environment["Gateway__GrpcPort"]);
        Assert.Equal(gatewayPorts.Single(p => p.Name == ResourceNames.HttpEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), environment["Gateway__HttpPort"]);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryTokenValidator_HasTheTokenServicesSettings_AndTheIssuerIsOneValue(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        var identity = AppEnvironment(rendered, ResourceNames.Identity);

        foreach (var validator in Suite.TokenValidators)
        {
            var environment = AppEnvironment(rendered, validator);
            Assert.Equal(TokenContract.Audience, environment["Security__Authentication__Audience"]);
            Assert.Equal(identity["Identity__Issuer"], environment["Security__Authentication__Issuer"]);
            Assert.EndsWith("/.well-known/openid-configuration", environment["Security__Authentication__MetadataAddress"], StringComparison.Ordinal);
            Assert.Contains(environment["Security__Authentication__RequireHttpsMetadata"], new[] { "true", "false" });
        }
        Assert.DoesNotContain(identity.Keys, k => k.StartsWith("Security__", StringComparison.Ordinal));
        Assert.EndsWith("/", identity["Identity__Issuer"], StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_RunsLikeTheAppHost_DevelopmentWithPlainHttpMetadataFromTheTokenService()
    {
        var dev = Overlays.Get(Overlays.Dev);
        var environment = AppEnvironment(dev, ResourceNames.ProceduresApi);
        var identityPort = KubernetesTypes.As<V1Service>(dev.Single("Service", ResourceNames.Identity)).Spec.Ports.Single().Port;

        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("false", environment["Security__Authentication__RequireHttpsMetadata"]);
        Assert.Equal($"http://{ResourceNames.Identity}:{identityPort}/.well-known/openid-configuration", environment["Security__Authentication__MetadataAddress"]);
        Assert.Equal("http://127.0.0.1:7401/", environment["Security__Authentication__Issuer"]);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void TheTokenService_ReadsItsKeysAndClientSecretsFromSecrets_AndNeverGeneratesThem(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        var pod = PodOf(rendered, ResourceNames.Identity);
        var app = ContainerEnvironment.Of(rendered, pod.Containers.Single(c => c.Name == "app"));
        var migrate = pod.InitContainers.Single(c => c.Name == "migrate");
        var migration = ContainerEnvironment.Of(rendered, migrate);

        string SecretMountedAt(V1Container container, string path) =>
            pod.Volumes.Single(v => v.Name == container.VolumeMounts.Single(m => path.StartsWith(m.MountPath + "/", StringComparison.Ordinal)).Name).Secret.SecretName;

        Assert.Equal("identity-keys", SecretMountedAt(pod.Containers.Single(c => c.Name == "app"), app["Identity__KeysPath"] + "/signing-key.pem"));
        Assert.Equal("identity-clients", SecretMountedAt(migrate, migration["Identity__Clients__SecretsFile"]));
        Assert.Equal("false", migration["Identity__Clients__GenerateMissingSecrets"]);
        Assert.False(migration.ContainsKey("Identity__Issuer"), "the migrator would rewrite the read-only secrets file");
        Assert.Equal("true", app["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryProcess_ExportsTelemetryToTheCollector_UnderItsResourceName(string overlay)
    {
        var rendered = Overlays.Get(overlay);
        foreach (var deployment in Suite.Deployments)
        {
            var environment = AppEnvironment(rendered, deployment);
            Assert.StartsWith("http://", environment["OTEL_EXPORTER_OTLP_ENDPOINT"], StringComparison.Ordinal);
            Assert.Equal(deployment, environment["OTEL_SERVICE_NAME"]);
            Assert.Contains("k8s.pod.name=$(POD_NAME)", environment["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
        }
    }
}
