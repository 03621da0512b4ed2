using Cchc.Organisation.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>
/// Dated changes of registered units: renamed, moved to another parent, dissolved, merged into an existing unit, split
/// into new units, a level abolished. One row per change, UnitRegistryService.ImportChanges, applied in file order.
/// </summary>
[KindOrder(11)]
internal sealed class UnitChangesKind : ImportKind<UnitChange>
{
    private const int Rename = 1, Move = 2, Dissolve = 3, Merge = 4, Split = 5, AbolishLevel = 6;

    public override string Name => "unit-changes";

    public override string Title => "Thay đổi đơn vị";

    public override string Description => "thay đổi của đơn vị: đổi tên, chuyển đơn vị cha, giải thể, sáp nhập, chia tách, bỏ cấp (một dòng một thay đổi, theo thứ tự thời gian)";

    public override string Rpc => "cchc.organisation.v1.UnitRegistryService/ImportChanges";

    public override string WriteScope => "organisation.write (đơn vị *)";

    public override string Collection => "changes";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("change_id", "Mã thay đổi", ValueKind.Code, "Mã duy nhất của thay đổi, ví dụ số quyết định viết liền; ghi lại cùng mã không tạo thay đổi mới.",
            "NQ-2019-15-sap-nhap", required: true, width: 22),
        Column.Of("type", "Loại thay đổi", ValueKind.Choice, "Loại thay đổi.", "Sáp nhập", required: true, aliases: ["Thay đổi"], choices:
            [
                new(Rename, "Đổi tên"),
                new(Move, "Chuyển đơn vị cha", "Chuyển trực thuộc", "Điều chuyển"),
                new(Dissolve, "Giải thể"),
                new(Merge, "Sáp nhập", "Nhập vào"),
                new(Split, "Chia tách", "Chia", "Tách"),
                new(AbolishLevel, "Bỏ cấp", "Bãi bỏ cấp hành chính", "Không tổ chức cấp"),
            ], width: 18),
        Column.Of("effective_on", "Ngày hiệu lực", ValueKind.Day, "Ngày thay đổi có hiệu lực (trạng thái mới bắt đầu từ ngày này).", new DateTime(2019, 1, 1), required: true, width: 14),
        Column.Of("unit_code", "Mã đơn vị", ValueKind.Code,
            "Đơn vị thay đổi (đổi tên, chuyển, giải thể, bị chia tách); với sáp nhập: các đơn vị bị sáp nhập, cách nhau bằng dấu ;.",
            "LC-X-A; LC-X-B", aliases: ["Đơn vị"], fields: ["unit_code", "source_code", "source_codes"], width: 24),
        Column.Of("new_name", "Tên mới", ValueKind.Text, "Đổi tên: tên mới.", null, width: 28),
        Column.Of("new_parent_code", "Mã đơn vị cha mới", ValueKind.Code, "Chuyển đơn vị cha, bỏ cấp: mã đơn vị cha mới; chia tách: đơn vị cha của các đơn vị mới.",
            null, fields: ["new_parent_code", "new_units.parent_code"], width: 18),
        Column.Of("existing_target_code", "Đơn vị nhận sáp nhập", ValueKind.Code, "Sáp nhập: mã đơn vị nhận (đã có).", "LC-X-C", width: 18),
        Column.Of("new_units", "Đơn vị mới", ValueKind.List, "Chia tách: các đơn vị mới dạng mã=tên, cách nhau bằng dấu ; (ví dụ LC-X-D=Xã D; LC-X-E=Xã E).",
            null, fields: ["new_units", "new_units.unit_code", "new_units.name"], width: 30),
        Column.Of("kind", "Loại đơn vị", ValueKind.Choice, "Chia tách: loại của các đơn vị mới; bỏ cấp: cấp bị bỏ (Huyện hoặc Xã).", null, choices: UnitChoices.Kinds,
            fields: ["level", "new_units.kind"], width: 18),
    ];

    protected override UnitChange Build(RowReader row)
    {
        var id = row.Code("change_id");
        var type = row.Choice("type");
        var on = row.IsoDay("effective_on");
        var units = row.List("unit_code");
        var unit = units.Count > 0 ? units[0] : string.Empty;
        void Need(string key, string what)
        {
            if (row.IsBlank(key) && !row.HasError(key))
            {
                row.Error(key, $"bắt buộc với {what}");
            }
        }
        switch (type)
        {
            case Rename:
                Need("unit_code", "đổi tên");
                Need("new_name", "đổi tên");
                return new UnitChange { Rename = new RenameUnitRequest { ChangeId = id, EffectiveOn = on, UnitCode = unit, NewName = row.Text("new_name") } };
            case Move:
                Need("unit_code", "chuyển đơn vị cha");
                Need("new_parent_code", "chuyển đơn vị cha");
                return new UnitChange { Move = new MoveUnitRequest { ChangeId = id, EffectiveOn = on, UnitCode = unit, NewParentCode = row.Code("new_parent_code") } };
            case Dissolve:
                Need("unit_code", "giải thể");
                return new UnitChange { Dissolve = new DissolveUnitRequest { ChangeId = id, EffectiveOn = on, UnitCode = unit } };
            case Merge:
                Need("unit_code", "sáp nhập");
                Need("existing_target_code", "sáp nhập");
                return new UnitChange
                {
                    Merge = new MergeUnitsRequest { ChangeId = id, EffectiveOn = on, SourceCodes = { units }, ExistingTargetCode = row.Code("existing_target_code") },
                };
            case Split:
                Need("unit_code", "chia tách");
                Need("new_units", "chia tách");
                Need("new_parent_code", "chia tách");
                Need("kind", "chia tách");
                var parent = row.Code("new_parent_code");
                var kind = row.Choice<UnitKind>("kind");
                var split = new SplitUnitRequest { ChangeId = id, EffectiveOn = on, SourceCode = unit };
                foreach (var part in row.List("new_units"))
                {
                    var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
                    if (pieces.Length != 2 || pieces[0].Length == 0 || pieces[1].Length == 0)
                    {
                        row.Error("new_units", $"\"{part}\" không đúng dạng mã=tên");
                        continue;
                    }
                    split.NewUnits.Add(new UnitSpec { UnitCode = pieces[0], Name = pieces[1], Kind = kind, ParentCode = parent });
                }
                return new UnitChange { Split = split };
            case AbolishLevel:
                Need("kind", "bỏ cấp");
                Need("new_parent_code", "bỏ cấp");
                return new UnitChange
                {
                    AbolishLevel = new AbolishLevelRequest { ChangeId = id, EffectiveOn = on, Level = row.Choice<UnitKind>("kind"), NewParentCode = row.Code("new_parent_code") },
                };
            default:
                return new UnitChange();
        }
    }

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<UnitChange> records, CancellationToken cancellation)
    {
        var client = new UnitRegistryService.UnitRegistryServiceClient(calls);
        var response = await StreamAsync(client.ImportChanges(cancellationToken: cancellation), records, cancellation);
        return new BatchResult(response.Applied, response.AlreadyRecorded);
    }
}
