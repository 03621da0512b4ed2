using System.Security.Claims;
using System.Text;

namespace Cchc.Security;

/// <summary>
/// Who is calling, read from a validated access token: the client (system) id, its scopes and the organisation units it
/// may act for. Scopes are accepted as one space-separated <c>scope</c> claim or as several values (also <c>scp</c>);
/// units are one <c>cchc_unit</c> value each (unit names contain spaces, so they are never split); <c>*</c> = every unit.
/// </summary>
public sealed class Caller
{
    public const string Anonymous = "(anonymous)";

    private readonly HashSet<string> scopes;
    private readonly HashSet<string> units;

    public Caller(string clientId, IEnumerable<string> scopes, IEnumerable<string> units)
    {
        ClientId = clientId;
        this.scopes = new HashSet<string>(scopes, StringComparer.Ordinal);
        this.units = new HashSet<string>(units.Select(NormalizeUnit).Where(u => u.Length > 0), StringComparer.Ordinal);
    }

    public string ClientId { get; }

    public IReadOnlySet<string> Scopes => scopes;

    public IReadOnlySet<string> Units => units;

    public bool AllUnits => units.Contains(SecurityScopes.AllUnits);

    public bool HasScope(string scope) => scopes.Contains(scope);

    /// <summary>Whether the caller may act for <paramref name="unit"/>; an empty unit means "every unit" and needs <c>*</c>.</summary>
    public bool MayActFor(string? unit)
    {
        if (AllUnits)
        {
            return true;
        }
        var normalized = NormalizeUnit(unit);
        return normalized.Length > 0 && units.Contains(normalized);
    }

    /// <summary>The caller of an authenticated principal, or null when the principal is not authenticated.</summary>
    public static Caller? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true })
        {
            return null;
        }
        var clientId = First(principal, SecurityScopes.ClientIdClaim) ?? First(principal, "azp") ?? First(principal, "sub")
            ?? First(principal, ClaimTypes.NameIdentifier) ?? Anonymous;
        var scopeValues = principal.FindAll(SecurityScopes.ScopeClaim).Concat(principal.FindAll(SecurityScopes.ScpClaim))
            .Concat(principal.FindAll("http://schemas.microsoft.com/identity/claims/scope"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var unitValues = principal.FindAll(SecurityScopes.UnitClaim).Select(c => c.Value);
        return new Caller(clientId, scopeValues, unitValues);
    }

    /// <summary>Unit names are compared after Unicode NFC normalization (Vietnamese text may arrive decomposed) and trimming.</summary>
    public static string NormalizeUnit(string? unit) =>
        string.IsNullOrWhiteSpace(unit) ? string.Empty : unit.Trim().Normalize(NormalizationForm.FormC);

    private static string? First(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}
