using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;

namespace Cchc.Kubernetes.Tests;

/// <summary>
/// Secrets are referenced, never inlined: no Secret object and no literal credential in the manifests, and every
/// Secret a pod reads is created by someone known — k8s/scripts/create-secrets.sh, an operator, or the operator of
/// the cluster for what comes from outside (the gateway's certificate, the bucket's keys) — with the keys read.
/// </summary>
public sealed partial class SecretsTests
{
    /// <summary>What comes from outside the suite (docs/operations.md, "Secrets").</summary>
    private static readonly Dictionary<string, string[]> External = new(StringComparer.Ordinal)
    {
        ["gateway-tls"] = ["tls.crt", "tls.key"],
        ["cchc-backup-s3"] = ["ACCESS_KEY_ID", "ACCESS_SECRET_KEY"],
    };

    /// <summary>What k8s/scripts/create-secrets.sh creates with or without --dev.</summary>
    private static readonly string[] AlwaysCreated = ["identity-clients", "identity-keys", "integration-ngsp", "integration-suite-client"];

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void NoSecretIsInlined(string overlay)
    {
        var rendered = Overlays.Get(overlay);

        Assert.DoesNotContain(rendered.Manifests, m => m.Kind == "Secret");
        foreach (var (owner, pod) in WiringTests.PodSpecs(rendered))
        {
            foreach (var variable in (pod.InitContainers ?? []).Concat(pod.Containers).SelectMany(c => c.Env ?? []))
            {
                Assert.True(variable.Value is null || !LooksSecret(variable.Name, variable.Value), $"{owner}: {variable.Name} holds a literal secret");
            }
        }
        foreach (var data in rendered.OfKind("ConfigMap").Select(KubernetesTypes.As<V1ConfigMap>).SelectMany(c => c.Data ?? new Dictionary<string, string>()))
        {
            Assert.False(LooksSecret(data.Key, data.Value), $"ConfigMap key {data.Key} holds a literal secret");
        }
    }

    [Theory]
    [InlineData("DB_PASSWORD", "hunter2", true)]
    [InlineData("ConnectionStrings__proceduresdb", "Host=db;Username=app;Password=hunter2", true)]
    [InlineData("ConnectionStrings__messaging", "amqp://cchc:hunter2@messaging:5672/", true)]
    [InlineData("ConnectionStrings__proceduresdb", "Host=db;Username=$(DB_USERNAME);Password=$(DB_PASSWORD)", false)]
    [InlineData("ConnectionStrings__messaging", "amqp://$(MESSAGING_USERNAME):$(MESSAGING_PASSWORD)@messaging:5672/", false)]
    [InlineData("Identity__Clients__SecretsFile", "/etc/cchc/identity/clients/clients.json", false)]
    [InlineData("Identity__Clients__GenerateMissingSecrets", "false", false)]
    [InlineData("Integration__Ngsp__Token__TokenEndpoint", "https://ngsp.example.gov.vn/oauth2/token", false)]
    [InlineData("Integration__Ngsp__Token__TokenEndpoint", "https://cchc:hunter2@ngsp.example.gov.vn/oauth2/token", true)]
    [InlineData("Integration__Ngsp__Token__ClientSecret", "hunter2", true)]
    [InlineData("Integration__Ngsp__Token__ClientSecret", "hunter2:x", true)]
    public void TheLiteralSecretCheck_TellsReferencesFromValues(string name, string value, bool secret) =>
        Assert.Equal(secret, LooksSecret(name, value));

    [Fact]
    public void Dev_ReadsOnlySecretsTheScriptCreates()
    {
        var created = ScriptSecrets("--dev");

        AssertProvided(Overlays.Get(Overlays.Dev), created);
        Assert.Equal(Suite.Databases.Select(db => $"{db}-app").Concat(AlwaysCreated).Append("messaging-default-user").Order(),
            created.Keys.Order());
    }

    [Fact]
    public void Prod_ReadsOnlySecretsTheScriptTheOperatorsOrTheClusterOperatorCreate()
    {
        var prod = Overlays.Get(Overlays.Prod);
        var provided = ScriptSecrets();
        Assert.Equal(AlwaysCreated.Order(), provided.Keys.Order());
        foreach (var cluster in prod.OfKind("Cluster"))
        {
            provided[$"{cluster.Name}-app"] = ["username", "password", "dbname", "host", "port", "uri"];
        }
        foreach (var rabbit in prod.OfKind("RabbitmqCluster"))
        {
            provided[$"{rabbit.Name}-default-user"] = ["username", "password", "default_user.conf", "host", "port"];
        }
        foreach (var (name, keys) in External)
        {
            provided[name] = keys;
        }

        AssertProvided(prod, provided);
    }

    [Fact]
    public void TheScript_GivesEveryRegisteredClientASecret_AndTheTokenServiceItsKeys()
    {
        var secrets = ScriptSecretObjects("--dev");
        var clients = JsonNode.Parse(Decode(secrets["identity-clients"], "clients.json"))!["clients"]!.AsArray();
        var registered = JsonNode.Parse(File.ReadAllText(Repository.Path("src", "Cchc.Identity", "clients.demo.json")))!["clients"]!.AsArray()
            .Select(c => c!["clientId"]!.GetValue<string>());

        Assert.Equal(registered.Order(), clients.Select(c => c!["clientId"]!.GetValue<string>()).Order());
        Assert.All(clients, c => Assert.Equal(43, c!["clientSecret"]!.GetValue<string>().Length));
        Assert.Equal(clients.Count, clients.Select(c => c!["clientSecret"]!.GetValue<string>()).Distinct().Count());
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", Decode(secrets["identity-keys"], "signing-key.pem"), StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(Decode(secrets["identity-keys"], "encryption-key.txt")).Length);
        var conf = Decode(secrets["messaging-default-user"], "default_user.conf");
        Assert.Equal($"default_user = {Decode(secrets["messaging-default-user"], "username")}\ndefault_pass = {Decode(secrets["messaging-default-user"], "password")}\n", conf);
        Assert.Equal("proceduresdb", Decode(secrets["proceduresdb-app"], "dbname"));
        // The adapter's secret at the token service is the one the token service registers for cchc-integration.
        var integration = clients.Single(c => c!["clientId"]!.GetValue<string>() == "cchc-integration")!["clientSecret"]!.GetValue<string>();
        Assert.Equal(integration, Decode(secrets["integration-suite-client"], "client-secret"));
    }

    private static void AssertProvided(RenderedOverlay overlay, IReadOnlyDictionary<string, string[]> provided)
    {
        var read = new List<(string Owner, string Secret, string? Key)>();
        foreach (var (owner, pod) in WiringTests.PodSpecs(overlay))
        {
            foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
            {
                read.AddRange((container.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>().Select(s => (owner, s.Name, (string?)s.Key)));
                read.AddRange((container.EnvFrom ?? []).Where(e => e.SecretRef is not null).Select(e => (owner, e.SecretRef.Name, (string?)null)));
            }
            foreach (var volume in (pod.Volumes ?? []).Where(v => v.Secret is not null))
            {
                var keys = volume.Secret.Items?.Select(i => i.Key).ToList();
                var mounts = pod.Containers.Concat(pod.InitContainers ?? []).SelectMany(c => c.VolumeMounts ?? []).Where(m => m.Name == volume.Name).ToList();
                read.AddRange(mounts.Where(m => m.SubPath is { Length: > 0 }).Select(m => (owner, volume.Secret.SecretName, (string?)m.SubPath)));
                read.AddRange((keys ?? []).Select(k => (owner, volume.Secret.SecretName, (string?)k)));
                read.Add((owner, volume.Secret.SecretName, null));
            }
        }
        read.AddRange(overlay.OfKind("ObjectStore").SelectMany(store =>
            new[] { "accessKeyId", "secretAccessKey" }.Select(field => store.Spec!["configuration"]!["s3Credentials"]![field]!)
                .Select(r => (store.Id, r["name"]!.GetValue<string>(), (string?)r["key"]!.GetValue<string>()))));

        Assert.NotEmpty(read);
        foreach (var (owner, secret, key) in read)
        {
            Assert.True(provided.TryGetValue(secret, out var keys), $"{owner} reads Secret {secret}, which nobody creates");
            Assert.True(key is null || keys!.Contains(key), $"{owner} reads key {key} of Secret {secret}, which has only {string.Join(", ", keys!)}");
        }
    }

    private static Dictionary<string, string[]> ScriptSecrets(params string[] options) =>
        ScriptSecretObjects(options).ToDictionary(p => p.Key, p => p.Value.Data.Keys.ToArray());

    private static Dictionary<string, V1Secret> ScriptSecretObjects(params string[] options)
    {
        var output = Tools.Run("bash", [Repository.Path("k8s", "scripts", "create-secrets.sh"), "test-namespace", .. options, "--dry-run"],
            new Dictionary<string, string> { ["KUBECONFIG"] = Path.Combine(Path.GetTempPath(), "no-kubeconfig") });
        return Manifest.ParseAll(output).Select(KubernetesTypes.As<V1Secret>).ToDictionary(s => s.Metadata.Name);
    }

    private static string Decode(V1Secret secret, string key) => System.Text.Encoding.UTF8.GetString(secret.Data[key]);

    private static bool LooksSecret(string name, string value)
    {
        var withoutReferences = VariableReference().Replace(value, string.Empty);
        // A path, a switch or an address (e.g. a token endpoint) under a secret-sounding name is not a secret; credentials
        // inside an address still are (below).
        var address = Uri.TryCreate(withoutReferences, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0;
        if (SecretName().IsMatch(name) && withoutReferences.Length > 0 && !withoutReferences.StartsWith('/') && !bool.TryParse(withoutReferences, out _) && !address)
        {
            return true;
        }
        return PasswordInConnectionString().IsMatch(withoutReferences) || CredentialsInUri().IsMatch(value.Replace("$(", "(", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\$\([A-Za-z_][A-Za-z0-9_]*\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex("(PASSWORD|SECRET|TOKEN|_KEY$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"Password=[^;]+", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInConnectionString();

    [GeneratedRegex(@"://[^/:@()\s]+:[^@()\s]+@")]
    private static partial Regex CredentialsInUri();
}
