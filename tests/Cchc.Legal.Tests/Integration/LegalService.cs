using Cchc.Legal.Api.Data;
using Cchc.Legal.Api.Grpc;
using Cchc.Testing;

namespace Cchc.Legal.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class LegalServiceCollection : ICollectionFixture<LegalService>
{
    public const string Name = "legal-service";
}

/// <summary>
/// The legal documents service hosted in-process on a real, migrated PostgreSQL database (Cchc.Testing's domain-service
/// host), shared by the integration tests (each test uses its own ids). The broker is a closed port: events stay in the
/// outbox, where the tests read them. The tests' usual caller: the Department of Justice's province-wide rights.
/// </summary>
public sealed class LegalService() : DomainServiceHost<Program, LegalDbContext>(new()
{
    DatabaseName = "legal_service_tests",
    KnownUnits = LegalService.KnownUnits,
    DefaultCaller = DomainServiceHostOptions.ProvinceWide("legal.read", "legal.write"),
})
{
    /// <summary>The units the tests record facts for, existing since long ago (the host seeds the service's copy).</summary>
    public static readonly IReadOnlyList<string> KnownUnits =
        [TestData.ProvinceCommittee, TestData.ProvinceCouncil, "Sở Tư pháp", "Sở Nội vụ", "UBND huyện Tam Đường", "HĐND huyện Tam Đường"];

    public DocumentService.DocumentServiceClient Documents => new(Channel);

    public ReviewService.ReviewServiceClient Reviews => new(Channel);

    public CheckService.CheckServiceClient Checks => new(Channel);
}
