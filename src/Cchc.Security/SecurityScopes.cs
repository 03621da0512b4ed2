namespace Cchc.Security;

/// <summary>The token contract's audience, scopes and claim names (docs/security.md).</summary>
public static class SecurityScopes
{
    public const string Audience = "cchc-api";

    public const string ProceduresRead = "procedures.read";
    public const string ProceduresWrite = "procedures.write";
    public const string ReportingRead = "reporting.read";
    public const string LegalRead = "legal.read";
    public const string LegalWrite = "legal.write";
    public const string AuditRead = "audit.read";

    public const string ScopeClaim = "scope";
    public const string ScpClaim = "scp";
    public const string UnitClaim = "cchc_unit";
    public const string ClientIdClaim = "client_id";

    /// <summary>The unit value that means every unit of the province.</summary>
    public const string AllUnits = "*";

    /// <summary>The authentication scheme the gateway and services use.</summary>
    public const string Scheme = "cchc";
}
