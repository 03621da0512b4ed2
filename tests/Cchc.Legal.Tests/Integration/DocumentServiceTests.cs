using Cchc.Contracts.Events.Legal;
using Cchc.Legal.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.RpcAssert;
using DocumentKind = Cchc.Legal.Api.Grpc.DocumentKind;
using DocumentStatus = Cchc.Legal.Api.Grpc.DocumentStatus;
using LifecycleEventType = Cchc.Legal.Api.Grpc.LifecycleEventType;

namespace Cchc.Legal.Tests.Integration;

[Collection(LegalServiceCollection.Name)]
public sealed class DocumentServiceTests(LegalService service)
{
    private readonly DocumentService.DocumentServiceClient documents = service.Documents;

    private async Task<string> RegisterAsync(string prefix, string signedOn, int number = 5, string title = "Quy định quản lý cụm công nghiệp")
    {
        var id = TestData.NewId(prefix);
        await documents.RegisterDocumentAsync(TestData.Register(id, TestData.Decision(signedOn, number: number, title: title)));
        return id;
    }

    private async Task<DocumentStatus> StatusAsync(string id, string day) =>
        (await documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = id, AsOf = day })).Status;

    [Fact]
    public async Task Register_ThenGet_ReturnsTheDocument_AndWritesOneEvent_AndRepeatingItChangesNothing()
    {
        var id = TestData.NewId("QD");
        var created = await documents.RegisterDocumentAsync(TestData.Register(id, TestData.Decision("2016-03-01")));
        var again = await documents.RegisterDocumentAsync(TestData.Register(id, TestData.Decision("2016-03-01")));
        var fetched = await documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = id, AsOf = "2016-03-11" });

        Assert.Equal((1, DocumentStatus.InForce, "2016-03-11"), (fetched.Version, fetched.Status, fetched.StatusOn));
        Assert.Equal(created.Attributes, fetched.Attributes);
        Assert.Equal(created.RecordedAt, again.RecordedAt);
        var row = Assert.Single(await service.OutboxRowsMentioningAsync(id));
        var state = Assert.Single(row.As<LegalDocumentsRecorded>().Documents);
        Assert.Equal((id, 1, Cchc.Contracts.Events.Legal.DocumentKind.Decision, new DateOnly(2016, 3, 1)), (state.DocumentId, state.Version, state.Kind, state.SignedOn));
    }

    [Fact]
    public async Task Register_SameIdOtherContent_IsAlreadyExists()
    {
        var id = TestData.NewId("QD");
        await documents.RegisterDocumentAsync(TestData.Register(id, TestData.Decision("2016-03-01")));

        var fields = await FailsAsync(StatusCode.AlreadyExists, documents.RegisterDocumentAsync(TestData.Register(id, TestData.Decision("2016-03-01", title: "Khác"))));

        Assert.Equal(["attributes.title"], fields);
    }

    [Fact]
    public async Task InForceOnADay_AcrossAmendment_PartialExpiry_AndRepeal()
    {
        var original = await RegisterAsync("QD", "2015-02-01");          // in force from 2015-02-11
        var amending = await RegisterAsync("QD", "2016-05-01", 12);       // from 2016-05-11
        var repealing = await RegisterAsync("QD", "2018-06-20", 30);      // from 2018-06-30

        await documents.RecordLifecycleEventAsync(TestData.Event(original, LifecycleEventType.Amended, "2016-05-11", amending));
        await documents.RecordLifecycleEventAsync(TestData.Event(original, LifecycleEventType.PartlyExpired, "2017-01-01"));
        var repealed = await documents.RecordLifecycleEventAsync(TestData.Event(original, LifecycleEventType.Repealed, "2018-06-30", repealing));

        Assert.Equal(4, repealed.Version);
        Assert.Equal(DocumentStatus.NotYetInForce, await StatusAsync(original, "2015-02-10"));
        Assert.Equal(DocumentStatus.InForce, await StatusAsync(original, "2015-02-11"));
        Assert.Equal(DocumentStatus.InForce, await StatusAsync(original, "2016-12-31"));
        Assert.Equal(DocumentStatus.PartlyExpired, await StatusAsync(original, "2018-06-29"));
        Assert.Equal(DocumentStatus.Expired, await StatusAsync(original, "2018-06-30"));
        Assert.Equal([amending, "", repealing], repealed.Events.Select(e => e.CausedBy));

        // The list filter by status on a day agrees with GetDocument.
        async Task<bool> ListedAs(DocumentStatus status, string day) =>
            (await documents.ListDocumentsAsync(new ListDocumentsRequest { Status = status, StatusOn = day, PageSize = 500, SignedFrom = "2015-02-01", SignedTo = "2015-02-01" }))
            .Documents.Any(d => d.DocumentId == original);
        Assert.True(await ListedAs(DocumentStatus.InForce, "2016-06-01"));
        Assert.True(await ListedAs(DocumentStatus.PartlyExpired, "2017-06-01"));
        Assert.False(await ListedAs(DocumentStatus.InForce, "2017-06-01"));
        Assert.True(await ListedAs(DocumentStatus.Expired, "2019-01-01"));

        // Repealing it again is refused, and nothing is written.
        var again = await RegisterAsync("QD", "2019-01-02", 2);
        var fields = await FailsAsync(StatusCode.FailedPrecondition, documents.RecordLifecycleEventAsync(TestData.Event(original, LifecycleEventType.Repealed, "2019-02-01", again)));
        Assert.Equal(["document_id"], fields);
        Assert.Equal(3, await service.ScalarAsync("SELECT count(*) FROM document_events WHERE document_id = @id", ("id", original)));
        Assert.Equal(4, (await documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = original })).Version);
    }

    [Fact]
    public async Task AnAmendmentByAMissingOrNotYetInForceDocument_IsFailedPrecondition_AndWritesNothing()
    {
        var target = await RegisterAsync("QD", "2015-02-01");
        var later = await RegisterAsync("QD", "2017-05-01", 7); // in force from 2017-05-11

        Assert.Equal(["event.caused_by"], await FailsAsync(StatusCode.FailedPrecondition,
            documents.RecordLifecycleEventAsync(TestData.Event(target, LifecycleEventType.Amended, "2016-01-01", "NO-SUCH-DOCUMENT"))));
        Assert.Equal(["event.caused_by"], await FailsAsync(StatusCode.FailedPrecondition,
            documents.RecordLifecycleEventAsync(TestData.Event(target, LifecycleEventType.Amended, "2016-01-01", later))));
        Assert.Equal(["issuer_unit"], await FailsAsync(StatusCode.FailedPrecondition,
            documents.RecordLifecycleEventAsync(TestData.Event(target, LifecycleEventType.WhollyExpired, "2016-01-01", issuer: TestData.ProvinceCouncil))));
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM document_events WHERE document_id = @id", ("id", target)));
        Assert.Single(await service.OutboxRowsMentioningAsync(target));
    }

    [Fact]
    public async Task InvalidRegistration_IsInvalidArgument_NamingEveryField_AndWritesNothing()
    {
        var id = TestData.NewId("QD");
        var attributes = TestData.Decision("2016-03-01", effectiveOn: "2016-02-01");
        attributes.Number = "05/2016/NQ-UBND";

        var fields = await FailsAsync(StatusCode.InvalidArgument, documents.RegisterDocumentAsync(TestData.Register(id, attributes)));

        Assert.Equal(["attributes.effective_on", "attributes.number"], fields);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM documents WHERE document_id = @id", ("id", id)));
    }

    [Fact]
    public async Task List_FiltersByTitleAndKind_AndPagesWithTokens()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await RegisterAsync("QD", "2019-04-01", i, $"Quy định giá đất {marker}"));
        }
        var all = new List<string>();
        string token = "";
        do
        {
            var page = await documents.ListDocumentsAsync(new ListDocumentsRequest { TitleContains = marker.ToUpperInvariant(), Kind = DocumentKind.Decision, PageSize = 2, PageToken = token });
            Assert.Equal(5, page.TotalSize);
            all.AddRange(page.Documents.Select(d => d.DocumentId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(ids.Order(StringComparer.Ordinal), all);
        Assert.Empty((await documents.ListDocumentsAsync(new ListDocumentsRequest { TitleContains = marker, Kind = DocumentKind.Resolution })).Documents);
        await FailsAsync(StatusCode.InvalidArgument, documents.ListDocumentsAsync(new ListDocumentsRequest { TitleContains = "other", PageToken = "AAAAAAAAAAAAAA" }));
    }
}
