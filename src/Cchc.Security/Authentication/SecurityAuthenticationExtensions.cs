using System.Text.Encodings.Web;
using Cchc.Security.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cchc.Security;

/// <summary>JWT bearer authentication from <c>Security:Authentication</c>, the same code in the gateway and every service.</summary>
public static class SecurityAuthenticationExtensions
{
    /// <summary>Named HttpClient that fetches issuers' metadata and keys (service discovery applies: http://identity/... works).</summary>
    public const string MetadataClient = "cchc-security-metadata";

    private const string NoIssuerScheme = "cchc-no-issuer";

    /// <summary>
    /// Adds scheme "cchc": a policy scheme that forwards to one JWT bearer scheme per configured issuer (chosen by the
    /// token's unvalidated <c>iss</c>; the chosen scheme then validates signature, issuer, audience and lifetime).
    /// With no issuer configured every token is refused (deny by default) and a warning is logged at start.
    /// </summary>
    public static IHostApplicationBuilder AddCchcAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SecurityAuthenticationOptions.Section).Get<SecurityAuthenticationOptions>()
            ?? new SecurityAuthenticationOptions();
        // Refuses to start when the configuration asks for plain-HTTP metadata where it is not allowed.
        var requireHttps = PlainHttpMetadata.Check(options, builder.Environment, TestHost.IsCurrentProcess);
        var issuers = options.AllIssuers();
        if (issuers.Count > 1 && issuers.Any(i => string.IsNullOrWhiteSpace(i.Issuer)))
        {
            throw new InvalidOperationException($"With several trusted issuers, each needs its {nameof(IssuerOptions.Issuer)} in {SecurityAuthenticationOptions.Section}.");
        }

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddHttpClient(MetadataClient);
        var schemes = issuers.Select((issuer, i) => (Name: $"cchc-issuer-{i}", Issuer: issuer)).ToList();
        var authentication = builder.Services.AddAuthentication(SecurityScopes.Scheme);
        authentication.AddPolicyScheme(SecurityScopes.Scheme, "Cchc access tokens", policy =>
            policy.ForwardDefaultSelector = context => SelectScheme(context.Request.Headers.Authorization.ToString(), schemes));
        authentication.AddScheme<AuthenticationSchemeOptions, NoIssuerHandler>(NoIssuerScheme, null);
        foreach (var (name, issuer) in schemes)
        {
            authentication.AddJwtBearer(name, jwt =>
            {
                jwt.MetadataAddress = issuer.ResolvedMetadataAddress;
                jwt.RequireHttpsMetadata = requireHttps;
                jwt.MapInboundClaims = false;
                jwt.IncludeErrorDetails = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = string.IsNullOrWhiteSpace(issuer.Issuer) ? null : issuer.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = options.ClockSkew,
                    // Asymmetric algorithms only: no "none", no HMAC with a public key.
                    ValidAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"],
                    NameClaimType = SecurityScopes.ClientIdClaim,
                };
            });
        }
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, MetadataBackchannel>();
        builder.Services.AddHostedService<IssuerStartupLog>();
        return builder;
    }

    /// <summary>The JWT scheme whose issuer the token names; the first one otherwise (which then refuses a stranger's token).</summary>
    internal static string SelectScheme(string authorization, IReadOnlyList<(string Name, IssuerOptions Issuer)> schemes)
    {
        if (schemes.Count == 0)
        {
            return NoIssuerScheme;
        }
        if (schemes.Count > 1 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var iss = new JsonWebToken(authorization["Bearer ".Length..].Trim()).Issuer;
                foreach (var (name, issuer) in schemes)
                {
                    if (string.Equals(issuer.Issuer, iss, StringComparison.Ordinal))
                    {
                        return name;
                    }
                }
            }
            catch (ArgumentException)
            {
                // Not a JWT: the first scheme refuses it.
            }
        }
        return schemes[0].Name;
    }

    /// <summary>Fetches metadata with the named HttpClient (service discovery, resilience) instead of a bare one.</summary>
    private sealed class MetadataBackchannel(IHttpClientFactory factory) : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions options)
        {
            if (name is not null && name.StartsWith("cchc-issuer-", StringComparison.Ordinal) && options.Backchannel is null)
            {
                options.Backchannel = factory.CreateClient(MetadataClient);
            }
        }
    }

    /// <summary>Says at start which issuers are trusted, or that none is (everything but health/reflection is then refused).</summary>
    private sealed class IssuerStartupLog(IOptions<SecurityAuthenticationOptions> options, ILogger<SecurityAuthenticationOptions> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var issuers = options.Value.AllIssuers();
            if (issuers.Count == 0)
            {
                logger.LogWarning("No token issuer is configured ({Section}): every call that needs a token is refused", SecurityAuthenticationOptions.Section);
            }
            foreach (var issuer in issuers)
            {
                logger.LogInformation("Trusting access tokens of issuer {Issuer} (metadata {Metadata}) for audience {Audience}",
                    issuer.Issuer ?? "(from metadata)", issuer.ResolvedMetadataAddress, options.Value.Audience);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoIssuerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
