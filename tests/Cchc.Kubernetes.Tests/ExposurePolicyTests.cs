using static Cchc.Kubernetes.Tests.SampleManifests;

namespace Cchc.Kubernetes.Tests;

/// <summary>Only the gateway is reachable from outside the namespace; each rule proven by a manifest that breaks it.</summary>
public sealed class ExposurePolicyTests
{
    private const string DefaultDeny = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny-ingress
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;

    private static IReadOnlyList<string> Check(string yaml) => ExposurePolicy.Check(Manifests(DefaultDeny + "\n---\n" + yaml));

    private static string Service(string name, string type, string extra = "") => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{name}}
        spec:
          type: {{type}}
          selector:
            app.kubernetes.io/name: {{name}}
          ports:
            - port: 8080
        {{extra}}
        """;

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void OnlyTheGateway_IsReachableFromOutsideTheNamespace(string overlay) =>
        Assert.Empty(ExposurePolicy.Check(Overlays.Get(overlay).Manifests));

    [Fact]
    public void ProdExposesTheGateway_AsTheOneLoadBalancer()
    {
        var exposed = Overlays.Get(Overlays.Prod).OfKind("Service")
            .Select(KubernetesTypes.As<k8s.Models.V1Service>)
            .Where(s => s.Spec.Type is "LoadBalancer" or "NodePort")
            .Select(s => s.Metadata.Name);

        Assert.Equal(["gateway"], exposed);
    }

    [Theory]
    [InlineData("LoadBalancer")]
    [InlineData("NodePort")]
    public void TheGatewaysServiceMayBeExposed(string type) => Assert.Empty(Check(Service("gateway", type)));

    [Theory]
    [InlineData("LoadBalancer")]
    [InlineData("NodePort")]
    public void AnotherServiceExposedOutsideTheNamespace_Fails(string type) =>
        Assert.Equal([$"Service/reporting-api is exposed outside the namespace (type {type}); only the gateway's Service may be"],
            Check(Service("reporting-api", type)));

    [Fact]
    public void AServiceWithExternalIps_Fails() =>
        Assert.Equal(["Service/identity is exposed outside the namespace (type ClusterIP, externalIPs); only the gateway's Service may be"],
            Check(Service("identity", "ClusterIP", "  externalIPs: [203.0.113.10]")));

    [Fact]
    public void AnIngressToAnotherService_Fails() => Assert.Equal(
        ["Ingress/reports exposes reporting-api; only the gateway may be exposed"],
        Check("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: reports
            spec:
              rules:
                - http:
                    paths:
                      - path: /reports
                        pathType: Prefix
                        backend:
                          service:
                            name: reporting-api
                            port: {number: 8081}
            """));

    [Fact]
    public void AHostPort_Fails()
    {
        var deployment = Deployment("legal-api");
        AppContainer(deployment)["ports"]![0]!["hostPort"] = 8080;

        Assert.Equal(["Deployment/legal-api publishes host ports 8080: use the gateway's Service"],
            ExposurePolicy.Check([Manifest(Parse(DefaultDeny)), Manifest(deployment)]));
    }

    [Fact]
    public void NoDefaultDenyPolicy_Fails() => Assert.Equal(
        ["no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules): pods accept any traffic"],
        ExposurePolicy.Check(Manifests(Service("gateway", "ClusterIP"))));

    private static string Policy(string name, string target, string from) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: {{name}}
        spec:
          podSelector:
            matchLabels:
              app.kubernetes.io/name: {{target}}
          policyTypes: [Ingress]
          ingress:
            - ports:
                - port: 8080
              {{from}}
        """;

    [Fact]
    public void TheGatewayMayBeReachedFromAnywhere() =>
        Assert.Empty(Check(Policy("gateway-from-anywhere", "gateway", from: "")));

    [Fact]
    public void AServiceReachableFromAnywhere_Fails() => Assert.Equal(
        ["NetworkPolicy/reporting-open admits traffic from anywhere to pods other than the gateway's"],
        Check(Policy("reporting-open", "reporting-api", from: "")));

    [Fact]
    public void AServiceReachableFromAnAddressBlock_Fails() => Assert.Equal(
        ["NetworkPolicy/legal-from-office admits the address block 10.20.0.0/16 to pods other than the gateway's"],
        Check(Policy("legal-from-office", "legal-api", "from: [{ipBlock: {cidr: 10.20.0.0/16}}]")));

    [Fact]
    public void ADatabaseReachableFromEveryNamespace_Fails() => Assert.Equal(
        ["NetworkPolicy/db-from-all-namespaces admits pods of other namespaces to pods other than the gateway's (only named pods of cnpg-system, rabbitmq-system, monitoring may)"],
        Check(Policy("db-from-all-namespaces", "proceduresdb", "from: [{namespaceSelector: {}}]")));

    [Fact]
    public void AnOperatorsNamedPods_MayReachTheirServers() => Assert.Empty(Check(Policy("proceduresdb-operator", "proceduresdb",
        "from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: cnpg-system}}, podSelector: {matchLabels: {app.kubernetes.io/name: cloudnative-pg}}}]")));

    [Fact]
    public void EveryPodOfAnOperatorsNamespace_Fails() => Assert.Equal(
        ["NetworkPolicy/messaging-operator admits pods of other namespaces to pods other than the gateway's (only named pods of cnpg-system, rabbitmq-system, monitoring may)"],
        Check(Policy("messaging-operator", "messaging", "from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: rabbitmq-system}}}]")));
}
