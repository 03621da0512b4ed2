using Cchc.Contracts.Security;

namespace Cchc.Security;

/// <summary>
/// The validators' view of the token contract (docs/security.md): the values are those of
/// <see cref="TokenContract"/>, which the token service issues, so the two sides cannot drift apart.
/// </summary>
public static class SecurityScopes
{
    public const string Audience = TokenContract.Audience;

    public const string ProceduresRead = TokenContract.Scopes.ProceduresRead;
    public const string ProceduresWrite = TokenContract.Scopes.ProceduresWrite;
    public const string ReportingRead = TokenContract.Scopes.ReportingRead;
    public const string ReportingAdmin = TokenContract.Scopes.ReportingAdmin;
    public const string ReportingApprove = TokenContract.Scopes.ReportingApprove;
    public const string ReportingRebuild = TokenContract.Scopes.ReportingRebuild;
    public const string FactsCorrect = TokenContract.Scopes.FactsCorrect;
    public const string LegalRead = TokenContract.Scopes.LegalRead;
    public const string LegalWrite = TokenContract.Scopes.LegalWrite;
    public const string OrganisationRead = TokenContract.Scopes.OrganisationRead;
    public const string OrganisationWrite = TokenContract.Scopes.OrganisationWrite;
    public const string FinanceRead = TokenContract.Scopes.FinanceRead;
    public const string FinanceWrite = TokenContract.Scopes.FinanceWrite;
    public const string EgovRead = TokenContract.Scopes.EgovRead;
    public const string EgovWrite = TokenContract.Scopes.EgovWrite;
    public const string AuditRead = TokenContract.Scopes.AuditRead;
    public const string LgspSync = TokenContract.Scopes.LgspSync;
    public const string IntegrationRead = TokenContract.Scopes.IntegrationRead;
    public const string IntegrationWrite = TokenContract.Scopes.IntegrationWrite;
    public const string ProgrammeRead = TokenContract.Scopes.ProgrammeRead;
    public const string ProgrammeWrite = TokenContract.Scopes.ProgrammeWrite;

    public const string ScopeClaim = "scope";
    public const string ScpClaim = "scp";
    public const string UnitClaim = TokenContract.UnitClaim;
    public const string ClientIdClaim = TokenContract.ClientIdClaim;

    /// <summary>The unit value that means every unit of the province.</summary>
    public const string AllUnits = TokenContract.AllUnits;

    /// <summary>The authentication scheme the gateway and services use.</summary>
    public const string Scheme = "cchc";
}
