using System.Security.Cryptography;
using Cchc.Contracts;

namespace Cchc.AppHost.Extensions;

/// <summary>What the LGSP/NGSP integration adapter needs beside what every domain service gets (docs/integration.md).</summary>
internal static class IntegrationResourceExtensions
{
    /// <summary>The platform's client id at the (simulated) NGSP token endpoint.</summary>
    public const string NationalClientId = "cchc-lai-chau";

    /// <summary>
    /// The simulator of the national side (token endpoint, national procedure database, Government reporting system), one
    /// HTTP/1.1 endpoint, with a client secret for this run only.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddNationalSimulator<TProject>(this IDistributedApplicationBuilder builder, AppHostSettings settings)
        where TProject : IProjectMetadata, new() =>
        builder.AddBuiltProject<TProject>(ResourceNames.NationalSimulator)
            .WithHttpEndpoint(name: ResourceNames.HttpEndpoint)
            .WithEndpointsInEnvironment(_ => false)
            .WithEnvironment(context =>
            {
                var endpoint = context.Resource is IResourceWithEndpoints r ? r.GetEndpoint(ResourceNames.HttpEndpoint) : null;
                if (endpoint is not null)
                {
                    context.EnvironmentVariables["Kestrel__Endpoints__http__Url"] =
                        ReferenceExpression.Create($"http://127.0.0.1:{endpoint.Property(EndpointProperty.TargetPort)}");
                    context.EnvironmentVariables["Kestrel__Endpoints__http__Protocols"] = "Http1";
                }
                context.EnvironmentVariables[$"Simulator__Clients__{NationalClientId}"] = RunSecret.Value;
                // Its one-stop-shop system pushes through the gateway as the LGSP would, with the LGSP's token.
                context.EnvironmentVariables["Simulator__OneStopShop__Target"] = $"{settings.PublicIssuer}api/lgsp/dvcqg";
                context.EnvironmentVariables["Simulator__OneStopShop__TokenEndpoint"] = $"{settings.PublicIssuer}connect/token";
                context.EnvironmentVariables["Simulator__OneStopShop__SecretsFile"] = settings.ClientsFile;
            })
            // The gateway waits for it: checked promptly (docs/adr/0048-start-up-critical-path.md).
            .WithPromptHttpHealthCheck("/health", ResourceNames.HttpEndpoint);

    /// <summary>
    /// The procedures service it writes dossiers and the catalogue to, the reporting service it reads the report from, the
    /// national side, and its own client of the token service (<c>cchc-integration</c>, whose secret the identity migrator
    /// generated into the clients file; a cluster gives <c>Integration__Suite__ClientSecret</c>). It starts beside them, not
    /// after: it calls them only for a request or a due report submission (sent again at a later tick when it fails), and
    /// the platform is ready only once all of them are (docs/adr/0048-start-up-critical-path.md).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIntegrationPeers(
        this IResourceBuilder<ProjectResource> integration, IResourceBuilder<ProjectResource> procedures,
        IResourceBuilder<ProjectResource> reporting, IResourceBuilder<ProjectResource> national, AppHostSettings settings) =>
        integration
            .WithReference(procedures)
            .WithReference(reporting)
            .WithReference(national)
            .WithEnvironment("Integration__Suite__SecretsFile", settings.ClientsFile)
            .WithEnvironment("Integration__Ngsp__ServiceAddress", $"http://_{ResourceNames.HttpEndpoint}.{ResourceNames.NationalSimulator}/ngsp/dvcqg")
            .WithEnvironment("Integration__Ngsp__Token__TokenEndpoint", $"http://_{ResourceNames.HttpEndpoint}.{ResourceNames.NationalSimulator}/oauth2/token")
            .WithEnvironment("Integration__Ngsp__Token__ClientId", NationalClientId)
            .WithEnvironment("Integration__Ngsp__Token__ClientSecret", RunSecret.Value);

    /// <summary>The secret the simulator and the adapter share for one run of the AppHost.</summary>
    private static class RunSecret
    {
        public static readonly string Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    }
}
