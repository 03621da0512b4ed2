using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace Cchc.Security.Authentication;

/// <summary>
/// The one rule for token-issuer metadata over plain HTTP (docs/security.md, "Issuer metadata over plain HTTP"). The
/// metadata carries the keys every token is checked with, so whoever can change it in transit can mint tokens. Plain
/// HTTP is therefore accepted only when both of these hold, and the host refuses to start otherwise:
/// <list type="number">
/// <item><c>Security:Authentication:RequireHttpsMetadata</c> is explicitly <c>false</c>;</item>
/// <item>the host is a developer's: the environment is Development (the AppHost's local run, its token service on
/// localhost; the Kubernetes dev overlay, on a developer's cluster), or the environment is Testing and the process is
/// a test host (<c>dotnet test</c>) — "Testing" alone is only a name a deployment could set.</item>
/// </list>
/// Production, Staging, and "Testing" in a deployed process are https only.
/// </summary>
public static class PlainHttpMetadata
{
    public const string TestingEnvironment = "Testing";

    /// <summary>Validates <paramref name="options"/>; returns whether the JWT handlers must require https metadata.</summary>
    /// <exception cref="InvalidOperationException">Plain-HTTP metadata configured where the rule forbids it.</exception>
    public static bool Check(SecurityAuthenticationOptions options, IHostEnvironment environment, bool isTestHost)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        const string section = SecurityAuthenticationOptions.Section;
        var plain = new List<Uri>();
        foreach (var issuer in options.AllIssuers())
        {
            if (!Uri.TryCreate(issuer.ResolvedMetadataAddress, UriKind.Absolute, out var address)
                || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"{section}: the issuer metadata address '{issuer.ResolvedMetadataAddress}' is not an absolute http(s) URL.");
            }
            if (address.Scheme == Uri.UriSchemeHttp)
            {
                plain.Add(address);
            }
        }
        if (plain.Count == 0)
        {
            return true;
        }

        var where = $"the environment is {environment.EnvironmentName}{(isTestHost ? ", in a test host" : string.Empty)}";
        if (options.RequireHttpsMetadata != false)
        {
            throw new InvalidOperationException(
                $"{section}: issuer metadata {plain[0]} is plain HTTP; token keys must come over https. A developer's run (Development) may set {section}:RequireHttpsMetadata=false (see docs/security.md).");
        }
        var developersHost = environment.IsDevelopment() || (environment.IsEnvironment(TestingEnvironment) && isTestHost);
        if (!developersHost)
        {
            throw new InvalidOperationException(
                $"{section}:RequireHttpsMetadata=false is allowed only in the Development environment or a test host ({where}): issuer metadata must come over https.");
        }
        return false;
    }
}

/// <summary>Whether this process is a test host: VSTest's <c>testhost</c> runs the assemblies of <c>dotnet test</c>.</summary>
internal static class TestHost
{
    public static bool IsCurrentProcess { get; } =
        Assembly.GetEntryAssembly()?.GetName().Name?.StartsWith("testhost", StringComparison.OrdinalIgnoreCase) == true;
}
