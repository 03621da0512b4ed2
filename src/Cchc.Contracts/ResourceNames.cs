namespace Cchc.Contracts;

/// <summary>
/// Names of the suite's resources, shared by the AppHost, the tests and the Kubernetes manifests
/// (connection strings are <c>ConnectionStrings__{name}</c>, service endpoints <c>services__{name}__{endpoint}__0</c>).
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";

    public const string ProceduresDb = "proceduresdb";
    public const string ReportingDb = "reportingdb";
    public const string IdentityDb = "identitydb";
    public const string LegalDb = "legaldb";
    public const string OrganisationDb = "organisationdb";
    public const string FinanceDb = "financedb";
    public const string EgovDb = "egovdb";
    public const string IntegrationDb = "integrationdb";
    public const string ProgrammeDb = "programmedb";

    public const string ProceduresApi = "procedures-api";
    public const string ReportingApi = "reporting-api";
    public const string LegalApi = "legal-api";
    public const string OrganisationApi = "organisation-api";
    public const string FinanceApi = "finance-api";
    public const string EgovApi = "egov-api";
    /// <summary>The LGSP/NGSP integration adapter (docs/integration.md).</summary>
    public const string IntegrationApi = "integration-api";
    /// <summary>The reform programme's records, submitted values and obligations (docs/adr/0026-programme-service.md).</summary>
    public const string ProgrammeApi = "programme-api";
    /// <summary>The simulator of the national side (token endpoint, procedure database, reporting system), development only.</summary>
    public const string NationalSimulator = "national-simulator";
    public const string Gateway = "gateway";

    /// <summary>The token service (OAuth2 client credentials, docs/adr/0005-token-service.md).</summary>
    public const string Identity = "identity";

    public const string ProceduresMigrator = "procedures-migrate";
    public const string ReportingMigrator = "reporting-migrate";
    public const string IdentityMigrator = "identity-migrate";
    public const string LegalMigrator = "legal-migrate";
    public const string OrganisationMigrator = "organisation-migrate";
    public const string FinanceMigrator = "finance-migrate";
    public const string EgovMigrator = "egov-migrate";
    public const string IntegrationMigrator = "integration-migrate";
    public const string ProgrammeMigrator = "programme-migrate";

    /// <summary>Endpoint names every service exposes: h2c gRPC and HTTP/1.1 (health, JSON, pages).</summary>
    public const string GrpcEndpoint = "grpc";
    public const string HttpEndpoint = "http";
}
