using Cchc.Legal.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>
/// The register of legal normative documents (văn bản QPPL): one row per document, DocumentService.ImportDocuments.
/// Their lifecycle (amended, expired, replaced, repealed) is the kind "legal-events".
/// </summary>
[KindOrder(40)]
internal sealed class LegalDocumentsKind : ImportKind<DocumentRecord>
{
    internal static readonly Choice[] Levels =
    [
        new((int)GovernmentLevel.Province, "Tỉnh", "Cấp tỉnh"),
        new((int)GovernmentLevel.District, "Huyện", "Cấp huyện"),
        new((int)GovernmentLevel.Commune, "Xã", "Cấp xã"),
    ];

    public override string Name => "legal-documents";

    public override string Title => "Văn bản QPPL";

    public override string Description => "văn bản quy phạm pháp luật của HĐND, UBND (một dòng một văn bản)";

    public override string Rpc => "cchc.legal.v1.DocumentService/ImportDocuments";

    public override string WriteScope => "legal.write";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("document_id", "Mã văn bản", ValueKind.Code, "Mã định danh văn bản trong sổ (không trùng, không có khoảng trắng), dùng để ghi sự kiện hiệu lực.",
            "LC-QD-2014-05", required: true, aliases: ["Mã định danh", "ID văn bản"], width: 20),
        Column.Of("attributes.number", "Số, ký hiệu", ValueKind.Text, "Số và ký hiệu như trên văn bản, ví dụ 05/2014/QĐ-UBND.", "05/2014/QĐ-UBND", required: true,
            aliases: ["Số ký hiệu", "Số văn bản", "Số hiệu"], width: 20),
        Column.Of("attributes.kind", "Loại văn bản", ValueKind.Choice, "Hình thức văn bản.", "Quyết định", required: true, aliases: ["Hình thức văn bản", "Loại"], choices:
            [
                new((int)DocumentKind.Resolution, "Nghị quyết", "NQ"),
                new((int)DocumentKind.Decision, "Quyết định", "QĐ"),
                new((int)DocumentKind.Directive, "Chỉ thị", "CT"),
                new((int)DocumentKind.NonNormativeWithNorms, "Văn bản khác chứa QPPL", "Khác", "Văn bản có chứa quy phạm"),
            ], width: 16),
        Column.Of("attributes.issuing_body", "Cơ quan ban hành", ValueKind.Choice, "HĐND hoặc UBND.", "UBND", required: true, choices:
            [
                new((int)IssuingBody.PeoplesCouncil, "HĐND", "Hội đồng nhân dân"),
                new((int)IssuingBody.PeoplesCommittee, "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân"),
            ], width: 12),
        Column.Of("attributes.level", "Cấp ban hành", ValueKind.Choice, "Cấp chính quyền ban hành.", "Tỉnh", required: true, aliases: ["Cấp"], choices: Levels, width: 10),
        Column.Of("attributes.issuer_unit", "Đơn vị ban hành", ValueKind.Text, "Tên đơn vị ban hành như trong danh mục đơn vị, ví dụ UBND tỉnh Lai Châu; phải tồn tại vào ngày ký.",
            "UBND tỉnh Lai Châu", required: true, aliases: ["Cơ quan ban hành văn bản"], width: 24),
        Column.Of("attributes.title", "Trích yếu", ValueKind.Text, "Trích yếu nội dung.", "Ban hành Quy chế phối hợp quản lý nhà nước về ...", required: true,
            aliases: ["Tên văn bản", "Trích yếu nội dung"], width: 50),
        Column.Of("attributes.drafting_agency", "Cơ quan chủ trì soạn thảo", ValueKind.Text, "Cơ quan chủ trì soạn thảo, ví dụ Sở Tư pháp.", "Sở Tư pháp", required: true,
            aliases: ["Cơ quan soạn thảo"], width: 20),
        Column.Of("attributes.signed_on", "Ngày ký", ValueKind.Day, "Ngày ký ban hành.", new DateTime(2014, 3, 10), required: true, aliases: ["Ngày ban hành"], width: 12),
        Column.Of("attributes.effective_on", "Ngày có hiệu lực", ValueKind.Day, "Ngày văn bản có hiệu lực.", new DateTime(2014, 3, 20), required: true,
            aliases: ["Ngày hiệu lực"], width: 12),
        Column.Of("attributes.gazette_published_on", "Ngày đăng Công báo", ValueKind.Day, "Ngày đăng Công báo tỉnh (nếu có).", new DateTime(2014, 3, 25), width: 12),
        Column.Of("attributes.gazette_issue", "Số Công báo", ValueKind.Text, "Số Công báo (nếu có).", "Số 12", width: 10),
    ];

    protected override DocumentRecord Build(RowReader row)
    {
        var signed = row.Day("attributes.signed_on");
        var record = new DocumentRecord
        {
            DocumentId = row.Code("document_id"),
            Attributes = new DocumentAttributes
            {
                Number = row.Text("attributes.number"),
                Kind = row.Choice<DocumentKind>("attributes.kind"),
                IssuingBody = row.Choice<IssuingBody>("attributes.issuing_body"),
                Level = row.Choice<GovernmentLevel>("attributes.level"),
                IssuerUnit = row.Text("attributes.issuer_unit"),
                Title = row.Text("attributes.title"),
                DraftingAgency = row.Text("attributes.drafting_agency"),
                SignedOn = signed?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                EffectiveOn = row.IsoDay("attributes.effective_on"),
                GazettePublishedOn = row.IsoDay("attributes.gazette_published_on"),
                GazetteIssue = row.Text("attributes.gazette_issue"),
            },
        };
        row.UnitOn("attributes.issuer_unit", record.Attributes.IssuerUnit, signed);
        return record;
    }

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<DocumentRecord> records, CancellationToken cancellation)
    {
        var client = new DocumentService.DocumentServiceClient(calls);
        var response = await StreamAsync(client.ImportDocuments(cancellationToken: cancellation), records, cancellation);
        return new BatchResult(response.Inserted, response.Unchanged);
    }

    /// <summary>The document is registered with these attributes and has since got lifecycle events: that is the same document.</summary>
    public override bool MeansAlreadyPresent(RpcException refusal, string path) => refusal.StatusCode == StatusCode.AlreadyExists && path == "events";
}
