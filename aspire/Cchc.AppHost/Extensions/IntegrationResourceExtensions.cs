namespace Cchc.AppHost.Extensions;

/// <summary>What the LGSP/NGSP integration adapter needs beside what every domain service gets (docs/integration.md).</summary>
internal static class IntegrationResourceExtensions
{
    /// <summary>
    /// The procedures service it writes dossiers to, and its own client of the token service (<c>cchc-integration</c>,
    /// whose secret the identity migrator generated into the clients file; a cluster gives <c>Integration__Suite__ClientSecret</c>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIntegrationPeers(
        this IResourceBuilder<ProjectResource> integration, IResourceBuilder<ProjectResource> procedures, AppHostSettings settings) =>
        integration
            .WithReference(procedures)
            .WaitFor(procedures)
            .WithEnvironment("Integration__Suite__SecretsFile", settings.ClientsFile);
}
