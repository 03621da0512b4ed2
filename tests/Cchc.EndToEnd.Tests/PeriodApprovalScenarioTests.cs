using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Contracts;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LegalApi = Cchc.Legal.Api.Grpc;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// Issue 13 item 5 through the gateway, as the Department and the department systems do it (ADRs 0028, 0029, 0035): facts
/// of 2005 recorded in procedures and legal; cchc-approver approves 2005; an ordinary write dated in 2005 is refused by
/// both services with FAILED_PRECONDITION naming the approval and changes nothing, while one dated 2006 goes through; a
/// correction with facts.correct and a reason is accepted and flagged under the approval; the approved
/// snapshot keeps its content hash; the appendix's JSON and page show the changed cell against its approved value; the
/// withdrawal reopens the period. The years 2005–2006 are this test's alone in the suite.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class PeriodApprovalScenarioTests(SuiteFixture suite)
{
    private const string Reason = "Sở Nội vụ bổ sung phản ánh, kiến nghị năm 2005 bị sót khi tổng hợp";
    private const string FeedbackReceived = "feedback.received";
    private const string DocumentsIssued = "legal.issued.total";
    private const string Procedure = "E2E.SEAL.P1";

    private static Timestamp At(string instant) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

    private static ReceiveFeedbackRequest Feedback(string id, string receivedAt) =>
        new() { FeedbackId = id, Subject = "Thời hạn giải quyết hồ sơ", ReceivedAt = At(receivedAt) };

    private static LegalApi.RegisterDocumentRequest Document(string id, string number, string signedOn) => new()
    {
        DocumentId = id,
        Attributes = new LegalApi.DocumentAttributes
        {
            Kind = LegalApi.DocumentKind.Decision, IssuingBody = LegalApi.IssuingBody.PeoplesCommittee, Level = LegalApi.GovernmentLevel.Province,
            IssuerUnit = "UBND tỉnh Lai Châu", Title = $"Quyết định thử nghiệm {id}", DraftingAgency = "Sở Tư pháp", Number = number,
            SignedOn = signedOn, EffectiveOn = DateOnly.Parse(signedOn, CultureInfo.InvariantCulture).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
    };

    /// <summary>One dossier as the LGSP pushes it (DongBoHoSoMC), received and due on the days given (yyyyMMddHHmmss).</summary>
    private static JsonObject LgspDossier(string code, string received, string due) => new()
    {
        ["service"] = "DongBoHoSoMC", ["isUpdating"] = false, ["data"] = new JsonArray(new JsonObject
        {
            ["MaHoSo"] = code, ["MaTTHC"] = Procedure, ["TenTTHC"] = "Thủ tục thử nghiệm khóa kỳ", ["MaLinhVuc"] = "HT", ["TenLinhVuc"] = "Hộ tịch",
            ["LoaiDoiTuong"] = "1", ["TrichYeuHoSo"] = "Đăng ký khai sinh", ["NgayTiepNhan"] = received, ["NgayHenTra"] = due,
            ["TrangThaiHoSo"] = "1", ["NgayTra"] = "", ["NgayKetThucXuLy"] = "", ["DonViXuLy"] = "UBND xã Bản Giang", ["HinhThuc"] = "0",
        }),
    };

    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await suite.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<double?> CellAsync(int appendix, string indicator, string period)
    {
        var report = await JsonAsync($"/api/reports/appendices/{appendix}?periods={period}");
        var value = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == indicator)
            .GetProperty("values").GetProperty(period);
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }

    /// <summary>Waits until the approval's event (or its withdrawal) reached both services' copies of the approvals.</summary>
    private async Task LocksInForceAsync(long expected)
    {
        foreach (var database in new[] { ResourceNames.ProceduresDb, ResourceNames.LegalDb })
        {
            await Eventually.AssertAsync(async () => await suite.CountInDatabaseAsync(database,
                    "SELECT count(*) FROM period_locks WHERE period = '2005' AND withdrawn_at IS NULL") == expected,
                TimeSpan.FromSeconds(60), $"{database} keeps {expected} approval(s) of 2005 in force");
        }
    }

    [Fact]
    public async Task AnApprovedPeriod_RefusesOrdinaryWrites_AcceptsAFlaggedCorrection_KeepsItsSnapshot_ShowsTheDiff_AndReopensOnWithdrawal()
    {
        var feedback = new FeedbackService.FeedbackServiceClient(suite.Channel);
        var documents = new LegalApi.DocumentService.DocumentServiceClient(suite.Channel);

        // 1. Facts of 2005, recorded by the department systems (the demo loader's rights), reach the report. The LGSP's
        //    procedure is in force in 2004–2005 only, so the other scenarios' years do not count it.
        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        await catalogue.CreateProcedureAsync(new CreateProcedureRequest
        {
            Code = Procedure, InForceFrom = "2004-01-01",
            Publication = new Publication { DecisionNumber = "12/QĐ-UBND", DecisionDate = "2003-12-20" },
            Attributes = new ProcedureAttributes
            {
                Name = "Thủ tục thử nghiệm khóa kỳ", Field = "Hộ tịch", Level = GovernmentLevel.Commune, ResolvingUnit = "UBND xã Bản Giang",
                ReceivingPlace = ReceivingPlace.CommuneOneStop, OnlineLevel = OnlineServiceLevel._2,
            },
        });
        await catalogue.AbolishProcedureAsync(new AbolishProcedureRequest
        {
            Code = Procedure, AbolishedOn = "2006-01-01", Publication = new Publication { DecisionNumber = "13/QĐ-UBND", DecisionDate = "2005-12-20" },
        });
        await feedback.ReceiveFeedbackAsync(Feedback("E2E-SEAL-PAKN-1", "2005-03-01T09:00:00+07:00"));
        await documents.RegisterDocumentAsync(Document("E2E-SEAL-VB-1", "01/2005/QĐ-UBND", "2005-04-01"));
        await Eventually.AssertAsync(async () => await CellAsync(3, FeedbackReceived, "2005") == 1 && await CellAsync(2, DocumentsIssued, "2005") == 1,
            TimeSpan.FromSeconds(60), "Appendices 2 and 3 count the 2005 facts");

        // 2. The Department approves 2005.
        using var approver = new HttpClient(new BearerTokenHandler(await suite.TokenForAsync("cchc-approver"), new SocketsHttpHandler()))
        {
            BaseAddress = suite.HttpAddress, Timeout = TimeSpan.FromSeconds(60),
        };
        using (var approved = await approver.PostAsJsonAsync("/api/reports/approvals", new { period = "2005" }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            var approval = JsonDocument.Parse(await approved.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal((1, "cchc-approver"), (approval.GetProperty("version").GetInt32(), approval.GetProperty("approvedBy").GetString()));
        }
        var snapshot = (await JsonAsync("/api/reports/approvals?period=2005&version=1")).GetProperty("versions")[0];
        var contentHash = snapshot.GetProperty("contentHash").GetString();
        await LocksInForceAsync(1);

        // 3. Ordinary writes dated in 2005 are refused in both services, naming the day's field and the approval; nothing changes.
        var refusedFeedback = await Assert.ThrowsAsync<RpcException>(async () =>
            await feedback.ReceiveFeedbackAsync(Feedback("E2E-SEAL-PAKN-2", "2005-05-02T09:00:00+07:00")));
        var refusedDocument = await Assert.ThrowsAsync<RpcException>(async () =>
            await documents.RegisterDocumentAsync(Document("E2E-SEAL-VB-2", "02/2005/QĐ-UBND", "2005-06-01")));
        foreach (var (refusal, field) in new[] { (refusedFeedback, "received_at"), (refusedDocument, "attributes.signed_on") })
        {
            Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
            Assert.Contains($"{field}: ", refusal.Status.Detail, StringComparison.Ordinal);
            Assert.Contains("thuộc kỳ báo cáo 2005 đã được phê duyệt ngày", refusal.Status.Detail, StringComparison.Ordinal);
            Assert.Contains("bởi cchc-approver (phiên bản 1); cần quyền điều chỉnh (facts.correct) và lý do", refusal.Status.Detail, StringComparison.Ordinal);
        }
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(async () =>
            await feedback.GetFeedbackAsync(new GetFeedbackRequest { FeedbackId = "E2E-SEAL-PAKN-2" }))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(async () =>
            await documents.GetDocumentAsync(new LegalApi.GetDocumentRequest { DocumentId = "E2E-SEAL-VB-2" }))).StatusCode);

        // The LGSP adapter passes the refusal on as the record's own, naming the portal's field, not as a failure of the call.
        using (var lgsp = new HttpClient(new BearerTokenHandler(await suite.TokenForAsync("lgsp-lai-chau"), new SocketsHttpHandler())) { BaseAddress = suite.HttpAddress })
        using (var pushed = await lgsp.PostAsJsonAsync("/api/lgsp/dvcqg", LgspDossier("E2E-SEAL-LGSP-1", "20050502080000", "20050509170000")))
        {
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
            var record = JsonDocument.Parse(await pushed.Content.ReadAsStringAsync()).RootElement.GetProperty("result").GetProperty("records")[0];
            Assert.Equal(("refused", "NgayTiepNhan"), (record.GetProperty("status").GetString(), record.GetProperty("errors")[0].GetProperty("field").GetString()));
            Assert.Contains("thuộc kỳ báo cáo 2005 đã được phê duyệt", record.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(async () =>
            await new DossierService.DossierServiceClient(suite.Channel).GetDossierAsync(new GetDossierRequest { DossierId = "E2E-SEAL-LGSP-1" }))).StatusCode);

        // 4. A write dated 2006 goes through, and a repeat of a stored 2005 fact is answered as before.
        Assert.Equal("E2E-SEAL-PAKN-2006", (await feedback.ReceiveFeedbackAsync(Feedback("E2E-SEAL-PAKN-2006", "2006-02-01T09:00:00+07:00"))).FeedbackId);
        Assert.Equal("E2E-SEAL-VB-2006", (await documents.RegisterDocumentAsync(Document("E2E-SEAL-VB-2006", "01/2006/QĐ-UBND", "2006-02-01"))).DocumentId);
        Assert.Equal("E2E-SEAL-PAKN-1", (await feedback.ReceiveFeedbackAsync(Feedback("E2E-SEAL-PAKN-1", "2005-03-01T09:00:00+07:00"))).FeedbackId);

        // 5. A corrector: no demo client holds facts.correct (docs/security.md: an operator grants it for the time it is
        //    needed), so the token is what the token service would issue such a client, signed with its own key.
        //    Without a reason INVALID_ARGUMENT naming the header; with one, accepted.
        using var correctorChannel = suite.ChannelFor(suite.TokenSignedByTheRealKey("cchc-corrector",
            ["procedures.read", "procedures.write", "facts.correct"], ["*"], new TestTokenIssuer.TokenOptions()));
        var corrector = new FeedbackService.FeedbackServiceClient(correctorChannel);
        var noReason = await Assert.ThrowsAsync<RpcException>(async () =>
            await corrector.ReceiveFeedbackAsync(Feedback("E2E-SEAL-PAKN-3", "2005-09-01T09:00:00+07:00")));
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Contains("x-cchc-correction-reason", noReason.Status.Detail, StringComparison.Ordinal);
        var corrected = await corrector.ReceiveFeedbackAsync(Feedback("E2E-SEAL-PAKN-3", "2005-09-01T09:00:00+07:00"),
            new Metadata { { "x-cchc-correction-reason", Uri.EscapeDataString(Reason) } });
        Assert.Equal("E2E-SEAL-PAKN-3", corrected.FeedbackId);

        // 6. The report shows the approval, the changed cell against its approved value, and the correction flagged with its reason.
        JsonElement status = default;
        await Eventually.AssertAsync(async () =>
        {
            status = (await JsonAsync("/api/reports/appendices/3?periods=2005")).GetProperty("approvals")[0];
            return status.GetProperty("changes").GetArrayLength() > 0 && status.GetProperty("corrections").GetArrayLength() > 0;
        }, TimeSpan.FromSeconds(60), "the appendix of 2005 shows the corrected cell and the correction");
        Assert.Equal(("2005", 1, contentHash), (status.GetProperty("period").GetString(), status.GetProperty("version").GetInt32(), status.GetProperty("contentHash").GetString()));
        var change = Assert.Single(status.GetProperty("changes").EnumerateArray());
        Assert.Equal((FeedbackReceived, 1d, 2d),
            (change.GetProperty("indicator").GetString(), change.GetProperty("approved").GetDouble(), change.GetProperty("current").GetDouble()));
        var correction = Assert.Single(status.GetProperty("corrections").EnumerateArray());
        Assert.Equal(("procedures", "/cchc.procedures.v1.FeedbackService/ReceiveFeedback", "2005-09-01", Reason, "cchc-corrector"),
            (correction.GetProperty("service").GetString(), correction.GetProperty("operation").GetString(), correction.GetProperty("factDay").GetString(),
             correction.GetProperty("reason").GetString(), correction.GetProperty("correctedBy").GetString()));
        var page = await suite.Http.GetStringAsync("/reports/appendices/3?periods=2005");
        Assert.Contains("Đã phê duyệt ngày", page, StringComparison.Ordinal);
        Assert.Contains("Các ô có số liệu hiện tại khác số liệu đã phê duyệt", page, StringComparison.Ordinal);
        Assert.Contains("Lý do: " + Reason, page, StringComparison.Ordinal);
        // Appendix 2's approved cell did not change: its refused document is not there.
        Assert.Equal(1, await CellAsync(2, DocumentsIssued, "2005"));

        // 7. The approved snapshot is what it was.
        var after = (await JsonAsync("/api/reports/approvals?period=2005&version=1")).GetProperty("versions")[0];
        Assert.Equal(contentHash, after.GetProperty("contentHash").GetString());
        Assert.Equal(snapshot.GetProperty("snapshot").GetString(), after.GetProperty("snapshot").GetString());

        // 8. Withdrawing (the same right) reopens 2005: the ordinary write is now accepted, as an ordinary write.
        using (var withdrawn = await approver.PostAsJsonAsync("/api/reports/approvals/withdraw", new { period = "2005", reason = "Mở lại để bổ sung số liệu" }))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }
        await LocksInForceAsync(0);
        Assert.Equal("E2E-SEAL-VB-2", (await documents.RegisterDocumentAsync(Document("E2E-SEAL-VB-2", "02/2005/QĐ-UBND", "2005-06-01"))).DocumentId);
        Assert.Equal("E2E-SEAL-PAKN-2", (await feedback.ReceiveFeedbackAsync(Feedback("E2E-SEAL-PAKN-2", "2005-05-02T09:00:00+07:00"))).FeedbackId);
        await Eventually.AssertAsync(async () => await CellAsync(2, DocumentsIssued, "2005") == 2 && await CellAsync(3, FeedbackReceived, "2005") == 3,
            TimeSpan.FromSeconds(60), "the reopened period counts the facts written after the withdrawal");
        Assert.False((await JsonAsync("/api/reports/appendices/3?periods=2005")).TryGetProperty("approvals", out _));
    }
}
