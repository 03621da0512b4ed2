using Cchc.Organisation.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>Individual recruitment, appointment and streamlining records (no names): StaffingService.ImportStaffing (record).</summary>
[KindOrder(51)]
internal sealed class StaffRecordsKind : ImportKind<StaffingItem>
{
    public override string Name => "staff-records";

    public override string Title => "Tuyển dụng, bổ nhiệm";

    public override string Description => "từng trường hợp tuyển dụng, bổ nhiệm, tinh giản biên chế (một dòng một người, không ghi tên)";

    public override string Rpc => "cchc.organisation.v1.StaffingService/ImportStaffing (record)";

    public override string WriteScope => "organisation.write (đơn vị *)";

    public override string Collection => "items";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("record_id", "Mã hồ sơ", ValueKind.Code, "Mã của trường hợp trong hệ thống nguồn (không trùng).", "SNV-2019-0001", required: true, fields: ["record.record_id"], width: 18),
        Column.Of("unit_code", "Mã đơn vị", ValueKind.Code, "Mã đơn vị trong danh mục đơn vị.", "LC-SNV", required: true, fields: ["record.unit_code"], width: 16),
        Column.Of("kind", "Loại", ValueKind.Choice, "Loại trường hợp.", "Bổ nhiệm", required: true, fields: ["record.kind"], choices:
            [
                new((int)StaffRecordKind.CompetitiveRecruitment, "Tuyển dụng", "Thi tuyển", "Xét tuyển"),
                new((int)StaffRecordKind.Appointment, "Bổ nhiệm"),
                new((int)StaffRecordKind.Streamlining, "Tinh giản biên chế", "Tinh giản"),
            ], width: 18),
        Column.Of("on", "Ngày", ValueKind.Day, "Ngày quyết định có hiệu lực.", new DateTime(2019, 6, 1), required: true, fields: ["record.on"], width: 12),
        Column.Of("appointment_kind", "Hình thức bổ nhiệm", ValueKind.Choice, "Chỉ với bổ nhiệm.", "Bổ nhiệm mới", fields: ["record.appointment_kind"], choices:
            [
                new((int)AppointmentKind.Elected, "Bầu cử"),
                new((int)AppointmentKind.NewlyAppointed, "Bổ nhiệm mới"),
                new((int)AppointmentKind.Reappointed, "Bổ nhiệm lại"),
                new((int)AppointmentKind.TransferredAndAppointed, "Điều động, bổ nhiệm"),
                new((int)AppointmentKind.RotatedAndAppointed, "Luân chuyển, bổ nhiệm"),
            ], width: 20),
        Column.Of("through_competition", "Qua thi tuyển", ValueKind.Boolean, "Bổ nhiệm qua thi tuyển.", "Không", fields: ["record.through_competition"], width: 12),
        Column.Of("person_ref", "Mã người", ValueKind.Code, "Mã tham chiếu người trong hệ thống nguồn (không ghi họ tên).", null, fields: ["record.person_ref"], width: 14),
    ];

    protected override StaffingItem Build(RowReader row) => new()
    {
        Record = new StaffRecord
        {
            RecordId = row.Code("record_id"),
            UnitCode = row.Code("unit_code"),
            Kind = row.Choice<StaffRecordKind>("kind"),
            On = row.IsoDay("on"),
            AppointmentKind = row.Choice<AppointmentKind>("appointment_kind"),
            ThroughCompetition = row.Boolean("through_competition") ?? false,
            PersonRef = row.Code("person_ref"),
        },
    };

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<StaffingItem> records, CancellationToken cancellation)
    {
        var client = new StaffingService.StaffingServiceClient(calls);
        var response = await StreamAsync(client.ImportStaffing(cancellationToken: cancellation), records, cancellation);
        return new BatchResult(response.Inserted + response.Updated, response.Unchanged);
    }
}
