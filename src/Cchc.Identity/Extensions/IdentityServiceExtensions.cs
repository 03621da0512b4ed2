using Cchc.Contracts;
using Cchc.Identity.Clients;
using Cchc.Identity.Data;
using Cchc.Identity.Keys;
using Cchc.Identity.Server;
using Cchc.Identity.Units;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Server;

namespace Cchc.Identity.Extensions;

public static class IdentityServiceExtensions
{
    /// <summary>
    /// The token service: its database (connection string "identitydb") with a health check, the OpenIddict store, and
    /// the OpenIddict server offering only client credentials at /connect/token, discovery at
    /// /.well-known/openid-configuration and keys at /.well-known/jwks.
    /// </summary>
    public static IHostApplicationBuilder AddIdentityServer(this IHostApplicationBuilder builder)
    {
        var options = IdentityServiceOptions.From(builder.Configuration);
        var issuer = options.RequireIssuer();
        var contentRoot = builder.Environment.ContentRootPath;
        var keys = KeyFiles.LoadOrCreate(IdentityServiceOptions.Resolve(contentRoot, options.KeysPath));
        var unitTree = UnitTree.Load(IdentityServiceOptions.Resolve(AppContext.BaseDirectory, options.UnitTreeFile));

        builder.AddIdentityDatabase();
        builder.Services.AddHealthChecks().AddDbContextCheck<IdentityDbContext>(ResourceNames.IdentityDb);
        builder.Services.AddSingleton(unitTree);
        builder.Services.AddSingleton(keys);
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders |= ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto);

        builder.Services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetTokenEndpointUris("connect/token");
                server.SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.SetConfigurationEndpointUris(".well-known/openid-configuration");
                server.AllowClientCredentialsFlow();
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);

                // Access tokens are plain signed JWTs any validator can check against the JWKS (RFC 9068), and they
                // are self-contained: nothing is written per token (no revocation list; lifetime bounds a leaked token).
                server.DisableAccessTokenEncryption();
                server.DisableTokenStorage();
                server.AddSigningKey(keys.SigningKey);
                server.AddEncryptionKey(keys.EncryptionKey);

                server.AddEventHandler(ClientCredentialsHandler.Descriptor);
                server.AddEventHandler(VietnameseErrors.Descriptor);

                var aspNetCore = server.UseAspNetCore();
                if (options.AllowInsecureHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        return builder;
    }

    /// <summary>The database and the OpenIddict core (EF Core stores): all the migrator needs to register clients.</summary>
    public static IHostApplicationBuilder AddIdentityDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContext<IdentityDbContext>((services, db) =>
        {
            db.UseNpgsql(services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.IdentityDb)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.IdentityDb} is not configured."));
            db.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>());
        builder.Services.AddScoped<ClientRegistrar>();
        return builder;
    }
}
