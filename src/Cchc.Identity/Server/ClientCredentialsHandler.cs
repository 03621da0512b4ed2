using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using Cchc.Contracts.Security;
using Cchc.Identity.Clients;
using Cchc.Identity.Units;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Cchc.Identity.Server;

/// <summary>
/// Issues the access token of a client-credentials request that OpenIddict has already authenticated (client id and
/// secret) and checked (grant type, scopes permitted to the client). Claims per the token contract: <c>sub</c> = the
/// client id (OpenIddict adds <c>client_id</c>), <c>scope</c> = the requested scopes, or every scope of the client when
/// none is requested; <c>aud</c> = the scopes' resources (<c>cchc-api</c>); <c>cchc_unit</c> = the client's units with
/// its subtrees expanded from the unit tree, or <c>*</c>.
/// </summary>
public sealed class ClientCredentialsHandler(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    UnitTree units) : IOpenIddictServerHandler<HandleTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleTokenRequestContext>()
            .UseScopedHandler<ClientCredentialsHandler>()
            .SetOrder(500_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.IsClientCredentialsGrantType())
        {
            // Only client credentials is enabled; OpenIddict refuses the others before this point.
            return;
        }

        var clientId = context.ClientId ?? throw new InvalidOperationException("Authenticated token request without client_id.");
        var application = await applications.FindByClientIdAsync(clientId, context.CancellationToken)
            ?? throw new InvalidOperationException($"The authenticated client {clientId} is not in the store.");

        var permitted = (await applications.GetPermissionsAsync(application, context.CancellationToken))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .ToImmutableArray();
        var requested = context.Request.GetScopes();
        var granted = requested.IsEmpty ? permitted : requested;

        var properties = await applications.GetPropertiesAsync(application, context.CancellationToken);
        var unitClaims = units.Resolve(StringArray(properties, ClientRegistrar.UnitsProperty), StringArray(properties, ClientRegistrar.UnitSubtreesProperty));
        if (unitClaims.Count == 0)
        {
            context.Reject(Errors.UnauthorizedClient, "Hệ thống này chưa được gắn với đơn vị nào nên không được cấp token.");
            return;
        }

        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync(granted, context.CancellationToken))
        {
            resources.Add(resource);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetScopes(granted);
        identity.SetResources(resources.Distinct(StringComparer.Ordinal));
        identity.SetClaims(TokenContract.UnitClaim, [.. unitClaims]);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
    }

    private static IEnumerable<string> StringArray(ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.GetString()).OfType<string>()
            : [];
}
