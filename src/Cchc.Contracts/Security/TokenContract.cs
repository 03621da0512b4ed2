namespace Cchc.Contracts.Security;

/// <summary>
/// The access-token contract shared by the token service (src/Cchc.Identity) and every validator (gateway, services):
/// JWT access tokens (RFC 9068) with <c>aud</c> = <see cref="Audience"/>, <c>sub</c> and <c>client_id</c> = the client,
/// <c>scope</c> = the granted scopes (space-separated), <see cref="UnitClaim"/> = the organisation units the client may
/// act for, one value per unit, or the single value <see cref="AllUnits"/>. See docs/adr/0005-token-service.md.
/// </summary>
public static class TokenContract
{
    /// <summary>The one audience (resource) of the suite's APIs.</summary>
    public const string Audience = "cchc-api";

    /// <summary>Multi-valued claim: a unit name (e.g. "UBND huyện Tam Đường") per value.</summary>
    public const string UnitClaim = "cchc_unit";

    /// <summary>The <see cref="UnitClaim"/> value of province-wide clients: every unit.</summary>
    public const string AllUnits = "*";

    /// <summary>Configuration section of validators: Authority/MetadataAddress, Issuer, Audience, RequireHttpsMetadata.</summary>
    public const string ValidationSection = "Security:Authentication";

    /// <summary>Claim with the client id (the token service sets <c>sub</c> to the same value).</summary>
    public const string ClientIdClaim = "client_id";

    /// <summary>Scopes per service and access kind.</summary>
    public static class Scopes
    {
        public const string ProceduresRead = "procedures.read";
        public const string ProceduresWrite = "procedures.write";
        public const string ReportingRead = "reporting.read";
        /// <summary>Operating the reporting service: replaying the events its consumers could not apply (docs/operations.md).</summary>
        public const string ReportingAdmin = "reporting.admin";
        /// <summary>Approving the province's report for a period and withdrawing an approval (the Department of Home Affairs; docs/adr/0028).</summary>
        public const string ReportingApprove = "reporting.approve";
        /// <summary>Rebuilding the reporting read model from the domain services (an operator's command, province-wide; docs/adr/0040).</summary>
        public const string ReportingRebuild = "reporting.rebuild";
        /// <summary>Correcting a fact dated inside an approved period, with a reason (docs/adr/0029).</summary>
        public const string FactsCorrect = "facts.correct";
        public const string LegalRead = "legal.read";
        public const string LegalWrite = "legal.write";
        public const string OrganisationRead = "organisation.read";
        public const string OrganisationWrite = "organisation.write";
        public const string FinanceRead = "finance.read";
        public const string FinanceWrite = "finance.write";
        public const string EgovRead = "egov.read";
        public const string EgovWrite = "egov.write";
        public const string AuditRead = "audit.read";
        /// <summary>The provincial data-sharing platform (LGSP) pushing one-stop-shop dossiers (POST /api/lgsp/dvcqg).</summary>
        public const string LgspSync = "lgsp.sync";
        public const string IntegrationRead = "integration.read";
        public const string IntegrationWrite = "integration.write";
        /// <summary>The reform programme's records, submitted values and obligations (docs/adr/0026-programme-service.md).</summary>
        public const string ProgrammeRead = "programme.read";
        public const string ProgrammeWrite = "programme.write";
    }
}
