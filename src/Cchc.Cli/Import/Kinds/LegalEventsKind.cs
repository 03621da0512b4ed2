using Cchc.Legal.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>
/// Lifecycle events of registered documents (amended, partly or wholly expired, replaced, repealed): one row per event,
/// DocumentService.RecordLifecycleEvent per row (idempotent: the same event again changes nothing).
/// </summary>
[KindOrder(41)]
internal sealed class LegalEventsKind : ImportKind<RecordLifecycleEventRequest>
{
    public override string Name => "legal-events";

    public override string Title => "Hiệu lực văn bản";

    public override string Description => "sự kiện hiệu lực của văn bản QPPL: sửa đổi, hết hiệu lực, bị thay thế, bị bãi bỏ (một dòng một sự kiện)";

    public override string Rpc => "cchc.legal.v1.DocumentService/RecordLifecycleEvent (mỗi dòng một lần gọi)";

    public override string WriteScope => "legal.write";

    public override int BatchSize => 500;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("document_id", "Mã văn bản", ValueKind.Code, "Mã của văn bản bị thay đổi (như khi nhập văn bản).", "LC-QD-2014-05", required: true,
            aliases: ["Văn bản bị thay đổi"], width: 20),
        Column.Of("issuer_unit", "Đơn vị ban hành", ValueKind.Text, "Đơn vị ban hành văn bản bị thay đổi (phải trùng với văn bản).", "UBND tỉnh Lai Châu",
            required: true, width: 24),
        Column.Of("event.type", "Sự kiện", ValueKind.Choice, "Điều gì xảy ra với văn bản.", "Bị thay thế", required: true,
            aliases: ["Loại sự kiện", "Tình trạng hiệu lực"], choices:
            [
                new((int)LifecycleEventType.Amended, "Được sửa đổi, bổ sung", "Sửa đổi", "Sửa đổi bổ sung"),
                new((int)LifecycleEventType.PartlyExpired, "Hết hiệu lực một phần", "Hết hiệu lực 1 phần"),
                new((int)LifecycleEventType.WhollyExpired, "Hết hiệu lực toàn bộ", "Hết hiệu lực"),
                new((int)LifecycleEventType.Replaced, "Bị thay thế", "Thay thế"),
                new((int)LifecycleEventType.Repealed, "Bị bãi bỏ", "Bãi bỏ"),
            ], width: 22),
        Column.Of("event.effective_on", "Ngày có hiệu lực", ValueKind.Day, "Ngày thay đổi có hiệu lực.", new DateTime(2019, 7, 1), required: true,
            aliases: ["Ngày hiệu lực", "Ngày"], width: 14),
        Column.Of("event.caused_by", "Văn bản gây ra", ValueKind.Code, "Mã văn bản sửa đổi, thay thế hoặc bãi bỏ (bắt buộc với sửa đổi, thay thế, bãi bỏ).",
            "LC-QD-2019-21", aliases: ["Mã văn bản thay thế", "Văn bản sửa đổi"], width: 20),
        Column.Of("event.note", "Ghi chú", ValueKind.Text, "Ghi chú (không bắt buộc).", "Thay thế toàn bộ", width: 30),
    ];

    protected override RecordLifecycleEventRequest Build(RowReader row) => new()
    {
        DocumentId = row.Code("document_id"),
        IssuerUnit = row.Text("issuer_unit"),
        Event = new LifecycleEvent
        {
            Type = row.Choice<LifecycleEventType>("event.type"),
            EffectiveOn = row.IsoDay("event.effective_on"),
            CausedBy = row.Code("event.caused_by"),
            Note = row.Text("event.note"),
        },
    };

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<RecordLifecycleEventRequest> records, CancellationToken cancellation)
    {
        var client = new DocumentService.DocumentServiceClient(calls);
        long accepted = 0, present = 0;
        var refused = new List<(int, RpcException)>();
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                var before = await client.GetDocumentAsync(new GetDocumentRequest { DocumentId = records[i].DocumentId }, cancellationToken: cancellation);
                var after = await client.RecordLifecycleEventAsync(records[i], cancellationToken: cancellation);
                if (after.Version == before.Version)
                {
                    present++;
                }
                else
                {
                    accepted++;
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.NotFound)
            {
                refused.Add((i, e));
            }
        }
        return new BatchResult(accepted, present, refused);
    }
}
