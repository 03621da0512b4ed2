using Cchc.Procedures.Api.Data;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;

namespace Cchc.Procedures.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class ProceduresServiceCollection : ICollectionFixture<ProceduresService>
{
    public const string Name = "procedures-service";
}

/// <summary>
/// The procedures service hosted in-process on a real, migrated PostgreSQL database (Cchc.Testing's domain-service host),
/// shared by the integration tests (each test uses its own ids). The broker is a closed port: events stay in the outbox,
/// where the tests read them. The tests' usual caller has the demo loader's rights (read, write, every unit).
/// </summary>
public sealed class ProceduresService() : DomainServiceHost<Program, ProceduresDbContext>(new()
{
    DatabaseName = "procedures_service_tests",
    KnownUnits = ProceduresService.KnownUnits,
    DefaultCaller = issuer => issuer.ProvinceWriter(),
})
{
    /// <summary>The units the tests record dossiers for, existing since long ago (the host seeds the service's copy).</summary>
    public static readonly IReadOnlyList<string> KnownUnits =
    [
        "UBND xã Bản Lang", "UBND xã Bản Bo", "UBND huyện Tam Đường", "UBND huyện Sìn Hồ",
        .. Enumerable.Range(0, 8).Select(n => $"Bộ phận Một cửa huyện {n}"),
    ];

    public ProcedureCatalogService.ProcedureCatalogServiceClient Catalog => new(Channel);

    public DossierService.DossierServiceClient Dossiers => new(Channel);

    public FeedbackService.FeedbackServiceClient Feedback => new(Channel);
}
