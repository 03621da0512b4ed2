using System.Collections.Immutable;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cchc.Identity.Clients;

/// <summary>What one registration run changed.</summary>
public sealed record RegistrationResult(int Created, int Updated, int Unchanged, int Removed, int SecretsGenerated, int ScopesChanged)
{
    public override string ToString() =>
        $"{Created} created, {Updated} updated, {Unchanged} unchanged, {Removed} removed; {SecretsGenerated} secrets generated; {ScopesChanged} scopes created or updated";
}

/// <summary>
/// Makes the OpenIddict store match the registration file, idempotently: scopes (with their resources), and for each
/// client a confidential application allowed the token endpoint, the client-credentials grant and its scopes, with its
/// units in the application's properties. A client whose secret, scopes or units changed is updated; a client this
/// registrar created earlier that is no longer in the file is removed (it can no longer obtain tokens); nothing else
/// is touched. Secrets come from the secrets file; missing ones are generated only when allowed.
/// </summary>
public sealed class ClientRegistrar(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    ILogger<ClientRegistrar> logger)
{
    /// <summary>Application property: the units the client acts for (JSON array of names, or ["*"]).</summary>
    public const string UnitsProperty = "cchc_units";

    /// <summary>Application property: units whose whole subtree the client acts for (expanded when a token is issued).</summary>
    public const string UnitSubtreesProperty = "cchc_unit_subtrees";

    /// <summary>Application property marking the applications this registrar owns (and may remove).</summary>
    public const string ManagedProperty = "cchc_managed";

    public async Task<RegistrationResult> RegisterAsync(
        ClientRegistrationFile file, ClientSecretsFile secrets, bool generateMissingSecrets, CancellationToken cancellationToken = default)
    {
        var generated = 0;
        var missing = new List<string>();
        foreach (var client in file.Clients)
        {
            if (secrets.TryGet(client.ClientId, out _))
            {
                continue;
            }
            if (generateMissingSecrets)
            {
                secrets.Generate(client.ClientId);
                generated++;
            }
            else
            {
                missing.Add(client.ClientId);
            }
        }
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"No secret for the client(s) {string.Join(", ", missing)} in {secrets.Path}: add them there " +
                "(or set Identity:Clients:GenerateMissingSecrets=true on a local run).");
        }
        if (generated > 0)
        {
            secrets.Save();
            logger.LogInformation("Generated {Count} client secrets into {Path}", generated, secrets.Path);
        }

        var scopesChanged = 0;
        foreach (var scope in file.Scopes)
        {
            if (await RegisterScopeAsync(scope, cancellationToken))
            {
                scopesChanged++;
            }
        }

        int created = 0, updated = 0, unchanged = 0;
        foreach (var client in file.Clients)
        {
            secrets.TryGet(client.ClientId, out var secret);
            switch (await RegisterClientAsync(client, secret, cancellationToken))
            {
                case Change.Created: created++; break;
                case Change.Updated: updated++; break;
                default: unchanged++; break;
            }
        }

        var removed = await RemoveUnlistedAsync(file.Clients.Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var result = new RegistrationResult(created, updated, unchanged, removed, generated, scopesChanged);
        logger.LogInformation("Client registration: {Result}", result);
        return result;
    }

    private enum Change { None, Created, Updated }

    private async Task<bool> RegisterScopeAsync(ScopeRegistration registration, CancellationToken cancellationToken)
    {
        var desired = new OpenIddictScopeDescriptor { Name = registration.Name, DisplayName = registration.DisplayName };
        desired.Resources.UnionWith(registration.Resources ?? []);

        var existing = await scopes.FindByNameAsync(registration.Name, cancellationToken);
        if (existing is null)
        {
            await scopes.CreateAsync(desired, cancellationToken);
            return true;
        }
        var current = new OpenIddictScopeDescriptor();
        await scopes.PopulateAsync(current, existing, cancellationToken);
        if (current.DisplayName == desired.DisplayName && current.Resources.SetEquals(desired.Resources))
        {
            return false;
        }
        current.DisplayName = desired.DisplayName;
        current.Resources.Clear();
        current.Resources.UnionWith(desired.Resources);
        await scopes.UpdateAsync(existing, current, cancellationToken);
        return true;
    }

    private async Task<Change> RegisterClientAsync(ClientRegistration registration, string secret, CancellationToken cancellationToken)
    {
        var permissions = new HashSet<string>(StringComparer.Ordinal)
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
        };
        permissions.UnionWith((registration.Scopes ?? []).Select(s => Permissions.Prefixes.Scope + s));
        // Empty lists are left out: the store does not keep empty arrays, and an absent property reads as empty.
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            [ManagedProperty] = JsonSerializer.SerializeToElement(true),
        };
        if (registration.Units is { Count: > 0 } units)
        {
            properties[UnitsProperty] = JsonSerializer.SerializeToElement(units);
        }
        if (registration.UnitSubtrees is { Count: > 0 } subtrees)
        {
            properties[UnitSubtreesProperty] = JsonSerializer.SerializeToElement(subtrees);
        }

        var existing = await applications.FindByClientIdAsync(registration.ClientId, cancellationToken);
        if (existing is null)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = registration.ClientId,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = registration.DisplayName ?? registration.ClientId,
            };
            descriptor.Permissions.UnionWith(permissions);
            foreach (var (key, value) in properties)
            {
                descriptor.Properties[key] = value;
            }
            await applications.CreateAsync(descriptor, cancellationToken);
            logger.LogInformation("Registered client {ClientId}", registration.ClientId);
            return Change.Created;
        }

        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, cancellationToken);
        var secretValid = await applications.ValidateClientSecretAsync(existing, secret, cancellationToken);
        var same = secretValid
            && current.ClientType == ClientTypes.Confidential
            && current.DisplayName == (registration.DisplayName ?? registration.ClientId)
            && current.Permissions.SetEquals(permissions)
            && OwnProperties(current).Count == properties.Count
            && properties.All(p => current.Properties.TryGetValue(p.Key, out var value) && JsonElement.DeepEquals(value, p.Value));
        if (same)
        {
            return Change.None;
        }

        current.ClientType = ClientTypes.Confidential;
        current.DisplayName = registration.DisplayName ?? registration.ClientId;
        current.Permissions.Clear();
        current.Permissions.UnionWith(permissions);
        foreach (var key in OwnProperties(current))
        {
            current.Properties.Remove(key);
        }
        foreach (var (key, value) in properties)
        {
            current.Properties[key] = value;
        }
        if (!secretValid)
        {
            current.ClientSecret = secret; // hashed by the manager
        }
        await applications.UpdateAsync(existing, current, cancellationToken);
        logger.LogInformation("Updated client {ClientId}{Secret}", registration.ClientId, secretValid ? string.Empty : " (new secret)");
        return Change.Updated;
    }

    private static List<string> OwnProperties(OpenIddictApplicationDescriptor descriptor) =>
        descriptor.Properties.Keys.Where(k => k is UnitsProperty or UnitSubtreesProperty or ManagedProperty).ToList();

    private async Task<int> RemoveUnlistedAsync(HashSet<string> listed, CancellationToken cancellationToken)
    {
        var stale = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken);
            if (clientId is null || listed.Contains(clientId))
            {
                continue;
            }
            ImmutableDictionary<string, JsonElement> properties = await applications.GetPropertiesAsync(application, cancellationToken);
            if (properties.TryGetValue(ManagedProperty, out var managed) && managed.ValueKind == JsonValueKind.True)
            {
                stale.Add(application);
                logger.LogWarning("Removing client {ClientId}: no longer in the registration file", clientId);
            }
        }
        foreach (var application in stale)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }
        return stale.Count;
    }
}
