using Cchc.Security.Authentication;
using Cchc.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cchc.Security.Tests;

/// <summary>
/// Issuer metadata over plain HTTP (docs/security.md): only with RequireHttpsMetadata=false, only in Development or a
/// test host. The shipped configuration files of the gateway and every service, in Production, refuse
/// it — including the very settings the AppHost gives them on a developer's machine.
/// </summary>
public sealed class PlainHttpMetadataTests
{
    private const string Loopback = "http://127.0.0.1:7401/.well-known/openid-configuration";

    /// <summary>Every executable that validates tokens with Cchc.Security (each calls AddCchcAuthentication).</summary>
    public static TheoryData<string> ShippedValidators => new()
    {
        "Cchc.Gateway", "Cchc.Procedures.Api", "Cchc.Reporting.Api", "Cchc.Legal.Api", "Cchc.Organisation.Api", "Cchc.Finance.Api", "Cchc.Egov.Api",
    };

    /// <summary>What the AppHost gives every validator (aspire/Cchc.AppHost, WithTokenValidation).</summary>
    private static Dictionary<string, string?> AppHostSettings(string metadata = Loopback) => new()
    {
        ["Security:Authentication:MetadataAddress"] = metadata,
        ["Security:Authentication:Issuer"] = "http://127.0.0.1:7401/",
        ["Security:Authentication:Audience"] = "cchc-api",
        ["Security:Authentication:RequireHttpsMetadata"] = "false",
    };

    [Theory]
    [MemberData(nameof(ShippedValidators))]
    public void ShippedConfiguration_InProduction_RefusesTheAppHostsPlainHttpMetadata(string project)
    {
        var builder = ShippedBuilder(project, Environments.Production, AppHostSettings());

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddCchcAuthentication());

        Assert.Contains("allowed only in the Development environment or a test host", error.Message, StringComparison.Ordinal);
        Assert.Contains("environment is Production", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShippedValidators))]
    public void ShippedConfiguration_InProduction_RefusesPlainHttpMetadata_EvenWithoutTheSwitch(string project)
    {
        var settings = AppHostSettings();
        settings.Remove("Security:Authentication:RequireHttpsMetadata");
        var builder = ShippedBuilder(project, Environments.Production, settings);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddCchcAuthentication());

        Assert.Contains("token keys must come over https", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShippedValidators))]
    public void ShippedConfiguration_InProduction_WithHttpsMetadata_RequiresHttpsForEveryIssuer(string project)
    {
        var builder = ShippedBuilder(project, Environments.Production, new Dictionary<string, string?>
        {
            ["Security:Authentication:MetadataAddress"] = "https://identity.laichau.gov.vn/.well-known/openid-configuration",
            ["Security:Authentication:Issuers:0:Authority"] = "https://sso.laichau.gov.vn",
            ["Security:Authentication:Issuers:0:Issuer"] = "https://sso.laichau.gov.vn/",
            ["Security:Authentication:Issuer"] = "https://gateway.laichau.gov.vn:7401/",
        });

        builder.AddCchcAuthentication();

        using var services = builder.Services.BuildServiceProvider();
        var jwt = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>();
        Assert.True(jwt.Get("cchc-issuer-0").RequireHttpsMetadata);
        Assert.True(jwt.Get("cchc-issuer-1").RequireHttpsMetadata);
    }

    [Theory]
    [InlineData("http://localhost:41234/.well-known/openid-configuration")] // the AppHost's token service
    [InlineData("http://identity:8080/.well-known/openid-configuration")] // the Kubernetes dev overlay's
    public void ShippedConfiguration_InDevelopment_AcceptsADevelopersPlainHttpMetadata(string metadata)
    {
        var builder = ShippedBuilder("Cchc.Procedures.Api", Environments.Development, AppHostSettings(metadata));

        builder.AddCchcAuthentication();

        using var services = builder.Services.BuildServiceProvider();
        Assert.False(services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get("cchc-issuer-0").RequireHttpsMetadata);
    }

    /// <summary>The rule, case by case: (environment, test host?, metadata address, RequireHttpsMetadata) → allowed?</summary>
    public static TheoryData<string, bool, string, bool?, bool> Cases => new()
    {
        // A developer's hosts: the AppHost's local run, the Kubernetes dev overlay, the tests' own hosts.
        { "Development", false, "http://localhost:5000/.well-known/openid-configuration", false, true },
        { "Development", false, "http://[::1]:5000/.well-known/openid-configuration", false, true },
        { "Development", false, "http://identity:8080/.well-known/openid-configuration", false, true },
        { "Testing", true, "http://127.0.0.1:5000/.well-known/openid-configuration", false, true },
        // "Testing" set on a deployed process is not a test host; no other environment is a developer's either,
        // whatever the address.
        { "Testing", false, "http://127.0.0.1:5000/.well-known/openid-configuration", false, false },
        { "Production", true, "http://127.0.0.1:5000/.well-known/openid-configuration", false, false },
        { "Production", false, "http://127.0.0.1:5000/.well-known/openid-configuration", false, false },
        { "Production", false, "http://identity:8080/.well-known/openid-configuration", false, false },
        { "Staging", false, "http://127.0.0.1:5000/.well-known/openid-configuration", false, false },
        // Plain HTTP without asking for it explicitly: never.
        { "Development", false, "http://localhost:5000/.well-known/openid-configuration", null, false },
        { "Development", false, "http://localhost:5000/.well-known/openid-configuration", true, false },
        // https: always, whatever the switch says.
        { "Production", false, "https://identity.laichau.gov.vn/.well-known/openid-configuration", null, true },
        { "Production", false, "https://identity.laichau.gov.vn/.well-known/openid-configuration", false, true },
        // Not an http(s) URL at all.
        { "Development", false, "file:///etc/keys.json", false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheRule(string environment, bool testHost, string metadata, bool? requireHttps, bool allowed)
    {
        var options = new SecurityAuthenticationOptions { MetadataAddress = metadata, RequireHttpsMetadata = requireHttps };
        var host = new HostEnvironment(environment);

        if (allowed)
        {
            Assert.Equal(metadata.StartsWith("https:", StringComparison.Ordinal), PlainHttpMetadata.Check(options, host, testHost));
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => PlainHttpMetadata.Check(options, host, testHost));
        }
    }

    [Fact]
    public void ASecondIssuerOverPlainHttp_InProduction_RefusesTheWhole_AndNamesIt()
    {
        var options = new SecurityAuthenticationOptions
        {
            MetadataAddress = "https://identity.laichau.gov.vn/.well-known/openid-configuration",
            Issuer = "https://gateway.laichau.gov.vn:7401/",
            Issuers = { new IssuerOptions { Authority = "http://sso.laichau.gov.vn", Issuer = "http://sso.laichau.gov.vn/" } },
        };

        var error = Assert.Throws<InvalidOperationException>(() => PlainHttpMetadata.Check(options, new HostEnvironment(Environments.Production), false));
        Assert.Contains("sso.laichau.gov.vn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThisProcess_IsATestHost() => Assert.True(TestHost.IsCurrentProcess);

    /// <summary>
    /// A host builder configured as the shipped executable is: its own appsettings.json and appsettings.{environment}.json
    /// from src/{project}, then the settings a deployment adds (environment variables in real life).
    /// </summary>
    private static HostApplicationBuilder ShippedBuilder(string project, string environment, IReadOnlyDictionary<string, string?> deployment)
    {
        var root = Path.Combine(RepositoryPaths.Root(), "src", project);
        Assert.True(File.Exists(Path.Combine(root, "appsettings.json")), $"{project} ships an appsettings.json");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = root,
            ApplicationName = project,
        });
        builder.Configuration.AddJsonFile(Path.Combine(root, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(root, $"appsettings.{environment}.json"), optional: true)
            .AddInMemoryCollection(deployment);
        builder.Services.AddLogging();
        return builder;
    }

    private sealed class HostEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
