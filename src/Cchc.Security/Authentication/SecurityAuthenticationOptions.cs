namespace Cchc.Security.Authentication;

/// <summary>
/// Section <c>Security:Authentication</c>: which token issuers the gateway and the services trust. The top-level
/// <see cref="IssuerOptions"/> properties describe the first (usually the suite's own token service); more issuers (the
/// province's SSO, an LGSP token service) go in <see cref="Issuers"/>. Every issuer's signing keys come from its OIDC
/// metadata (MetadataAddress, or Authority + /.well-known/openid-configuration).
/// </summary>
public sealed class SecurityAuthenticationOptions : IssuerOptions
{
    public const string Section = "Security:Authentication";

    /// <summary>The audience every access token must carry (<c>aud</c>).</summary>
    public string Audience { get; set; } = SecurityScopes.Audience;

    /// <summary>
    /// Only <c>false</c> lets an issuer's metadata come over plain HTTP, and only where <see cref="PlainHttpMetadata"/>
    /// allows it (Development or a test host); anywhere else the host refuses to start. Unset or <c>true</c>: https only.
    /// </summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Tolerated clock difference between the issuer and this host.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Further trusted issuers, each validated by its own metadata.</summary>
    public List<IssuerOptions> Issuers { get; set; } = [];

    /// <summary>The configured issuers: the top-level one (when it names metadata) followed by <see cref="Issuers"/>.</summary>
    public IReadOnlyList<IssuerOptions> AllIssuers()
    {
        var all = new List<IssuerOptions>();
        if (HasMetadata)
        {
            all.Add(this);
        }
        all.AddRange(Issuers.Where(i => i.HasMetadata));
        return all;
    }
}

/// <summary>One trusted token issuer.</summary>
public class IssuerOptions
{
    /// <summary>The issuer's base address; metadata is read from {Authority}/.well-known/openid-configuration unless <see cref="MetadataAddress"/> says otherwise.</summary>
    public string? Authority { get; set; }

    /// <summary>Where to read the OIDC metadata (may be an internal address while <see cref="Issuer"/> is the public one).</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The expected <c>iss</c>; when empty, the metadata's own issuer is used.</summary>
    public string? Issuer { get; set; }

    internal bool HasMetadata => !string.IsNullOrWhiteSpace(MetadataAddress) || !string.IsNullOrWhiteSpace(Authority);

    internal string ResolvedMetadataAddress => !string.IsNullOrWhiteSpace(MetadataAddress)
        ? MetadataAddress!
        : Authority!.TrimEnd('/') + "/.well-known/openid-configuration";
}
