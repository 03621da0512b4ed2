using Cchc.Procedures.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>A catalogue event of a procedure: announced, amended or abolished.</summary>
internal sealed record ProcedureRow(int Action, CreateProcedureRequest? Create, AmendProcedureRequest? Amend, AbolishProcedureRequest? Abolish)
{
    public string Code => Create?.Code ?? Amend?.Code ?? Abolish!.Code;
}

/// <summary>
/// The procedure catalogue (danh mục TTHC): one row per announcement (công bố), amendment (sửa đổi) or abolition (bãi
/// bỏ), in the order they happened. The catalogue has no bulk import: each row is its own call (CreateProcedure,
/// AmendProcedure, AbolishProcedure), written whole or not at all; a row whose version is already in the procedure's
/// history counts as already present (so a re-run of an older amendment is not refused as out of order).
/// </summary>
[KindOrder(20)]
internal sealed class ProceduresKind : ImportKind<ProcedureRow>
{
    private const int Announce = 1, Amend = 2, Abolish = 3;

    public override string Name => "procedures";

    public override string Title => "Danh mục TTHC";

    public override string Description => "danh mục thủ tục hành chính (một dòng một lần công bố, sửa đổi hoặc bãi bỏ, theo thứ tự thời gian)";

    public override string Rpc => "cchc.procedures.v1.ProcedureCatalogService/CreateProcedure, AmendProcedure, AbolishProcedure (mỗi dòng một lần gọi)";

    public override string WriteScope => "procedures.write (đơn vị *)";

    public override int BatchSize => 500;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("code", "Mã TTHC", ValueKind.Code, "Mã thủ tục trên Cơ sở dữ liệu quốc gia về TTHC.", "1.001234.000.00.00.H34", required: true,
            aliases: ["Mã thủ tục", "Mã thủ tục hành chính", "Mã số"], width: 24),
        Column.Of("action", "Thao tác", ValueKind.Choice, "Công bố mới, sửa đổi (phiên bản mới) hoặc bãi bỏ.", "Công bố mới", required: true,
            aliases: ["Loại quyết định", "Hình thức"], choices:
            [
                new(Announce, "Công bố mới", "Công bố", "Ban hành mới", "Mới"),
                new(Amend, "Sửa đổi", "Sửa đổi, bổ sung", "Thay thế"),
                new(Abolish, "Bãi bỏ", "Hủy bỏ"),
            ], width: 14),
        Column.Of("attributes.name", "Tên thủ tục", ValueKind.Text, "Tên thủ tục hành chính (không cần với bãi bỏ).",
            "Đăng ký khai sinh", aliases: ["Tên TTHC", "Tên thủ tục hành chính"], fields: ["attributes.name", "name"], width: 40),
        Column.Of("attributes.field", "Lĩnh vực", ValueKind.Text, "Lĩnh vực, ví dụ Hộ tịch, Đất đai.", "Hộ tịch", width: 18),
        Column.Of("attributes.level", "Cấp thực hiện", ValueKind.Choice, "Cấp chính quyền giải quyết.", "Xã", aliases: ["Cấp"], choices:
            [
                new((int)GovernmentLevel.Province, "Tỉnh", "Cấp tỉnh"),
                new((int)GovernmentLevel.District, "Huyện", "Cấp huyện"),
                new((int)GovernmentLevel.Commune, "Xã", "Cấp xã"),
            ], width: 12),
        Column.Of("attributes.resolving_unit", "Cơ quan giải quyết", ValueKind.Text, "Cơ quan giải quyết, ví dụ Sở Tư pháp, UBND cấp xã.",
            "UBND cấp xã", aliases: ["Cơ quan thực hiện"], width: 24),
        Column.Of("attributes.receiving_place", "Nơi tiếp nhận", ValueKind.Choice, "Nơi tiếp nhận hồ sơ.", "Bộ phận một cửa cấp xã", choices:
            [
                new((int)ReceivingPlace.ProvincialCentre, "Trung tâm phục vụ hành chính công tỉnh", "Trung tâm hành chính công", "Cấp tỉnh"),
                new((int)ReceivingPlace.DistrictOneStop, "Bộ phận một cửa cấp huyện", "Một cửa cấp huyện", "Cấp huyện"),
                new((int)ReceivingPlace.CommuneOneStop, "Bộ phận một cửa cấp xã", "Một cửa cấp xã", "Cấp xã"),
                new((int)ReceivingPlace.Other, "Khác"),
            ], width: 26),
        Column.Of("attributes.inter_agency_same_level", "Liên thông cùng cấp", ValueKind.Boolean, "Thủ tục liên thông giữa các cơ quan cùng cấp.", "Không", width: 12),
        Column.Of("attributes.inter_agency_between_levels", "Liên thông giữa các cấp", ValueKind.Boolean, "Thủ tục liên thông giữa các cấp chính quyền.", "Không", width: 12),
        Column.Of("attributes.four_on_the_spot", "4 tại chỗ", ValueKind.Boolean, "Thực hiện theo cơ chế 4 tại chỗ.", "Không", aliases: ["Bốn tại chỗ"], width: 10),
        Column.Of("attributes.online_level", "Mức dịch vụ công trực tuyến", ValueKind.Choice, "Mức độ cung cấp dịch vụ công trực tuyến.", "Mức 3",
            aliases: ["Mức DVCTT", "Mức độ DVC"], choices:
            [
                new((int)OnlineServiceLevel.None, "Không", "Chưa có", "Mức 1"),
                new((int)OnlineServiceLevel._2, "Mức 2", "2"),
                new((int)OnlineServiceLevel._3, "Mức 3", "3"),
                new((int)OnlineServiceLevel._4, "Mức 4", "4"),
                new((int)OnlineServiceLevel.Full, "Toàn trình", "DVC toàn trình"),
                new((int)OnlineServiceLevel.Partial, "Một phần", "DVC một phần"),
            ], width: 14),
        Column.Of("publication.decision_number", "Số quyết định", ValueKind.Text, "Số quyết định công bố, ví dụ 1234/QĐ-UBND.", "1234/QĐ-UBND", required: true,
            aliases: ["Quyết định công bố", "Số QĐ"], width: 18),
        Column.Of("publication.decision_date", "Ngày quyết định", ValueKind.Day, "Ngày ký quyết định công bố.", new DateTime(2019, 1, 15), required: true,
            aliases: ["Ngày ký quyết định", "Ngày ban hành"], width: 14),
        Column.Of("effective_from", "Ngày hiệu lực", ValueKind.Day, "Công bố mới: ngày thủ tục có hiệu lực; sửa đổi: ngày áp dụng phiên bản mới; bãi bỏ: ngày bãi bỏ.",
            new DateTime(2019, 2, 1), required: true, aliases: ["Ngày áp dụng", "Ngày bãi bỏ"], fields: ["in_force_from", "effective_from", "abolished_on"], width: 14),
    ];

    protected override ProcedureRow Build(RowReader row)
    {
        var code = row.Code("code");
        var action = row.Choice("action");
        var publication = new Publication { DecisionNumber = row.Text("publication.decision_number"), DecisionDate = row.IsoDay("publication.decision_date") };
        var effective = row.IsoDay("effective_from");
        if (action == Abolish)
        {
            return new ProcedureRow(action, null, null, new AbolishProcedureRequest { Code = code, Publication = publication, AbolishedOn = effective });
        }
        var attributes = new ProcedureAttributes
        {
            Name = row.Text("attributes.name"),
            Field = row.Text("attributes.field"),
            Level = row.Choice<GovernmentLevel>("attributes.level"),
            ResolvingUnit = row.Text("attributes.resolving_unit"),
            ReceivingPlace = row.Choice<ReceivingPlace>("attributes.receiving_place"),
            InterAgencySameLevel = row.Boolean("attributes.inter_agency_same_level") ?? false,
            InterAgencyBetweenLevels = row.Boolean("attributes.inter_agency_between_levels") ?? false,
            FourOnTheSpot = row.Boolean("attributes.four_on_the_spot") ?? false,
            OnlineLevel = row.Choice<OnlineServiceLevel>("attributes.online_level"),
        };
        foreach (var key in new[] { "attributes.name", "attributes.field", "attributes.level", "attributes.resolving_unit", "attributes.receiving_place" })
        {
            if (row.IsBlank(key) && !row.HasError(key))
            {
                row.Error(key, "bắt buộc khi công bố mới hoặc sửa đổi");
            }
        }
        return action == Amend
            ? new ProcedureRow(action, null, new AmendProcedureRequest { Code = code, Attributes = attributes, Publication = publication, EffectiveFrom = effective }, null)
            : new ProcedureRow(action, new CreateProcedureRequest { Code = code, Attributes = attributes, Publication = publication, InForceFrom = effective }, null, null);
    }

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<ProcedureRow> records, CancellationToken cancellation)
    {
        var client = new ProcedureCatalogService.ProcedureCatalogServiceClient(calls);
        long accepted = 0, present = 0;
        var refused = new List<(int, RpcException)>();
        var histories = new Dictionary<string, List<Procedure>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var row = records[i];
            try
            {
                if (!histories.TryGetValue(row.Code, out var history))
                {
                    history = await HistoryAsync(client, row.Code, cancellation);
                    histories[row.Code] = history;
                }
                if (history.Any(v => Matches(v, row)))
                {
                    present++;
                    continue;
                }
                var result = row.Action switch
                {
                    Announce => await client.CreateProcedureAsync(row.Create!, cancellationToken: cancellation),
                    Amend => await client.AmendProcedureAsync(row.Amend!, cancellationToken: cancellation),
                    _ => await client.AbolishProcedureAsync(row.Abolish!, cancellationToken: cancellation),
                };
                history.Add(result);
                accepted++;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.NotFound)
            {
                refused.Add((i, e));
            }
        }
        return new BatchResult(accepted, present, refused);
    }

    private static async Task<List<Procedure>> HistoryAsync(ProcedureCatalogService.ProcedureCatalogServiceClient client, string code, CancellationToken cancellation)
    {
        try
        {
            return [.. (await client.GetProcedureHistoryAsync(new GetProcedureHistoryRequest { Code = code }, cancellationToken: cancellation)).Versions];
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return [];
        }
    }

    /// <summary>Whether a recorded version is the one the row describes (same kind of step, day, decision and attributes).</summary>
    private static bool Matches(Procedure version, ProcedureRow row) => row.Action switch
    {
        Announce => version.Version == 1 && version.InForceFrom == row.Create!.InForceFrom && version.Attributes.Equals(row.Create.Attributes)
            && version.Publication.Equals(row.Create.Publication),
        Amend => version.Version > 1 && version.AbolishedOn.Length == 0 && version.EffectiveFrom == row.Amend!.EffectiveFrom
            && version.Attributes.Equals(row.Amend.Attributes),
        _ => version.AbolishedOn == row.Abolish!.AbolishedOn,
    };
}
