using Cchc.Procedures.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>One-stop-shop dossiers (hồ sơ TTHC): DossierService.ImportDossierBatches, 1,000 records per message.</summary>
[KindOrder(30)]
internal sealed class DossiersKind : ImportKind<DossierRecord>
{
    private static readonly Choice[] Levels =
    [
        new((int)GovernmentLevel.Province, "Tỉnh", "Cấp tỉnh"),
        new((int)GovernmentLevel.District, "Huyện", "Cấp huyện"),
        new((int)GovernmentLevel.Commune, "Xã", "Cấp xã"),
    ];

    public override string Name => "dossiers";

    public override string Title => "Hồ sơ TTHC";

    public override string Description => "hồ sơ thủ tục hành chính (một dòng một hồ sơ, theo số hồ sơ)";

    public override string Rpc => "cchc.procedures.v1.DossierService/ImportDossierBatches";

    public override string WriteScope => "procedures.write";

    public override int BatchSize => 10_000;

    public override int Parallelism => 2;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("dossier_id", "Số hồ sơ", ValueKind.Code, "Số hồ sơ (mã biên nhận) trong hệ thống một cửa; tối đa 64 ký tự, không có khoảng trắng. Nhập lại cùng số hồ sơ không tạo bản ghi mới.",
            "000.00.12.H34-190105-0001", required: true, aliases: ["Mã hồ sơ", "Số biên nhận", "Mã biên nhận"], width: 28),
        Column.Of("procedure_code", "Mã TTHC", ValueKind.Code, "Mã thủ tục hành chính trong danh mục (Cơ sở dữ liệu quốc gia về TTHC).",
            "1.001234.000.00.00.H34", required: true, aliases: ["Mã thủ tục", "Mã thủ tục hành chính"], width: 24),
        Column.Of("receiving_unit", "Đơn vị tiếp nhận", ValueKind.Text, "Tên (hoặc mã) đơn vị tiếp nhận như trong danh mục đơn vị của Sở Nội vụ; đơn vị phải tồn tại vào ngày tiếp nhận.",
            "UBND huyện Tam Đường", required: true, aliases: ["Cơ quan tiếp nhận", "Nơi tiếp nhận"], width: 28),
        Column.Of("unit_level", "Cấp", ValueKind.Choice, "Cấp chính quyền của đơn vị tiếp nhận.", "Huyện", required: true,
            aliases: ["Cấp tiếp nhận", "Cấp chính quyền"], choices: Levels, width: 10),
        Column.Of("channel", "Hình thức nộp", ValueKind.Choice, "Cách người dân nộp hồ sơ.", "Trực tuyến", required: true,
            aliases: ["Kênh nộp", "Hình thức tiếp nhận"], choices:
            [
                new((int)DossierChannel.InPerson, "Trực tiếp", "Nộp trực tiếp", "Tại bộ phận một cửa"),
                new((int)DossierChannel.Online, "Trực tuyến", "Nộp trực tuyến", "Qua mạng", "Dịch vụ công trực tuyến"),
                new((int)DossierChannel.PublicPostal, "Bưu chính công ích", "Qua bưu chính", "Bưu chính", "BCCI"),
            ], width: 18),
        Column.Of("received_at", "Ngày tiếp nhận", ValueKind.Instant, "Ngày (giờ) tiếp nhận hồ sơ, giờ Việt Nam.", new DateTime(2019, 3, 5, 8, 30, 0),
            required: true, aliases: ["Thời điểm tiếp nhận", "Ngày nhận"], width: 20),
        Column.Of("due_at", "Hạn trả kết quả", ValueKind.Instant, "Ngày (giờ) hẹn trả kết quả; phải sau ngày tiếp nhận.", new DateTime(2019, 3, 12),
            required: true, aliases: ["Ngày hẹn trả", "Hạn giải quyết", "Ngày hẹn trả kết quả"], endOfDay: true, width: 18),
        Column.Of("status", "Trạng thái", ValueKind.Choice, "Tình trạng hồ sơ.", "Đã giải quyết", required: true,
            aliases: ["Tình trạng", "Kết quả"], choices:
            [
                new((int)DossierStatus.Received, "Đang giải quyết", "Đang xử lý", "Đã tiếp nhận", "Chưa giải quyết"),
                new((int)DossierStatus.Resolved, "Đã giải quyết", "Đã trả kết quả", "Hoàn thành"),
                new((int)DossierStatus.Returned, "Trả lại", "Từ chối", "Trả hồ sơ"),
                new((int)DossierStatus.Withdrawn, "Rút hồ sơ", "Công dân rút", "Đã rút"),
            ], width: 16),
        Column.Of("closed_at", "Ngày kết thúc", ValueKind.Instant, "Ngày (giờ) trả kết quả, trả lại hoặc rút hồ sơ; để trống khi hồ sơ đang giải quyết.",
            new DateTime(2019, 3, 11), aliases: ["Ngày trả kết quả", "Ngày hoàn thành"], endOfDay: true, width: 18),
        Column.Of("processed_electronically", "Xử lý trên hệ thống một cửa điện tử", ValueKind.Boolean,
            "Hồ sơ có được xử lý trên hệ thống thông tin một cửa điện tử không; để trống nếu không rõ.", "Có",
            aliases: ["Một cửa điện tử", "Xử lý điện tử"], width: 22),
    ];

    protected override DossierRecord Build(RowReader row)
    {
        var record = new DossierRecord
        {
            DossierId = row.Code("dossier_id"),
            ProcedureCode = row.Code("procedure_code"),
            ReceivingUnit = row.Text("receiving_unit"),
            UnitLevel = row.Choice<GovernmentLevel>("unit_level"),
            Channel = row.Choice<DossierChannel>("channel"),
            Status = row.Choice<DossierStatus>("status"),
        };
        var received = row.Instant("received_at");
        var due = row.Instant("due_at");
        var closed = row.Instant("closed_at");
        if (received is { } r)
        {
            record.ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(r);
            row.UnitOn("receiving_unit", record.ReceivingUnit, DateOnly.FromDateTime(r.DateTime));
        }
        if (due is { } d)
        {
            record.DueAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(d);
            if (received is { } start && d <= start)
            {
                row.Error("due_at", "hạn trả kết quả phải sau ngày tiếp nhận");
            }
        }
        if (closed is { } c)
        {
            record.ClosedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(c);
            if (record.Status == DossierStatus.Received)
            {
                row.Error("closed_at", "hồ sơ đang giải quyết không có ngày kết thúc (để trống, hoặc sửa trạng thái)");
            }
            else if (received is { } start && c < start)
            {
                row.Error("closed_at", "ngày kết thúc trước ngày tiếp nhận");
            }
        }
        else if (record.Status is DossierStatus.Resolved or DossierStatus.Returned or DossierStatus.Withdrawn && !row.HasError("closed_at"))
        {
            row.Error("closed_at", "hồ sơ đã giải quyết, trả lại hoặc rút cần ngày kết thúc");
        }
        if (row.Boolean("processed_electronically") is { } electronic)
        {
            record.ProcessedElectronically = electronic;
        }
        return record;
    }

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<DossierRecord> records, CancellationToken cancellation)
    {
        var client = new DossierService.DossierServiceClient(calls);
        var response = await StreamAsync(client.ImportDossierBatches(cancellationToken: cancellation),
            records.Chunk(1_000).Select(chunk => new DossierRecordBatch { Records = { chunk } }), cancellation);
        return new BatchResult(response.Inserted, response.Unchanged);
    }

    /// <summary>Every procedure code the rows name must be in the catalogue (one GetProcedure per distinct code).</summary>
    internal override async Task CheckReferencesAsync(IReadOnlyList<(RowReader Row, object Record)> rows, CallInvoker calls, Action<string> note, CancellationToken cancellation)
    {
        var client = new ProcedureCatalogService.ProcedureCatalogServiceClient(calls);
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var code in rows.Select(r => ((DossierRecord)r.Record).ProcedureCode).Distinct(StringComparer.Ordinal))
        {
            try
            {
                await client.GetProcedureAsync(new GetProcedureRequest { Code = code }, cancellationToken: cancellation);
                known[code] = true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                known[code] = false;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                note($"không kiểm tra được mã TTHC (ứng dụng thiếu quyền procedures.read): {e.Status.Detail}");
                return;
            }
        }
        foreach (var (row, record) in rows)
        {
            var code = ((DossierRecord)record).ProcedureCode;
            if (!known[code])
            {
                row.Error("procedure_code", $"mã TTHC \"{code}\" không có trong danh mục thủ tục hành chính");
            }
        }
    }
}
