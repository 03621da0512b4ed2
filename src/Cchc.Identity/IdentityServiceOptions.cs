namespace Cchc.Identity;

/// <summary>
/// Settings of the token service, section <c>Identity</c> (e.g. <c>Identity__Issuer</c>). Relative paths of the shipped
/// files (unit tree, registration) are resolved against the executable's folder, those of secrets (keys, client
/// secrets) against the content root (the working folder); the AppHost gives absolute ones.
/// </summary>
public sealed class IdentityServiceOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The public issuer (<c>iss</c>): the address department systems obtain tokens from, e.g. the gateway's
    /// <c>http://127.0.0.1:7401/</c>. Validators compare it exactly, trailing slash included.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>Folder of the signing and encryption keys, generated at the first start (never in the repository).</summary>
    public string KeysPath { get; set; } = ".secrets/keys";

    /// <summary>Lifetime of access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Serve the token endpoint over plain HTTP. True behind a gateway that terminates TLS (and locally); false makes
    /// OpenIddict refuse any request that did not arrive over HTTPS.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The organisation units (JSON tree) that clients are bound to; subtrees are expanded from it.</summary>
    public string UnitTreeFile { get; set; } = "unit-tree.json";

    public ClientRegistrationOptions Clients { get; set; } = new();

    /// <summary>Reads and checks the section; throws with the setting's name when something required is missing.</summary>
    public static IdentityServiceOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        if (options.AccessTokenLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:AccessTokenLifetime must be positive.");
        }
        return options;
    }

    public Uri RequireIssuer() =>
        Issuer is { IsAbsoluteUri: true } issuer
            ? issuer
            : throw new InvalidOperationException($"{Section}:Issuer is not configured (the public address tokens are obtained from, e.g. http://127.0.0.1:7401/).");

    public static string Resolve(string contentRoot, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
}

/// <summary>Section <c>Identity:Clients</c>: what <c>migrate</c> registers.</summary>
public sealed class ClientRegistrationOptions
{
    /// <summary>The committed registration (scopes, clients, their units): no secrets in it.</summary>
    public string RegistrationFile { get; set; } = "clients.demo.json";

    /// <summary>The clients' secrets (JSON, mode 0600), outside the repository.</summary>
    public string SecretsFile { get; set; } = ".secrets/clients.json";

    /// <summary>
    /// Generate a random secret for a registered client that has none in <see cref="SecretsFile"/> (local runs, demo).
    /// Off in production: a missing secret then fails the migration instead.
    /// </summary>
    public bool GenerateMissingSecrets { get; set; }
}
