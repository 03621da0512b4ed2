using System.Text.Json;
using Cchc.Integration.Api.Domain;
using Cchc.Procedures.Api.Grpc;

namespace Cchc.Integration.Tests.Unit;

/// <summary>The mapping of the one-stop-shop format to the procedures service's dossiers: values, defaults, every refusal named by its field.</summary>
public sealed class DossierMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
    private static readonly DossierMapping Mapping = new(new DossierMappingOptions(), new FixedClock(Now));

    private static JsonElement Record(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static string Dossier(string status = "1", string received = "20240304080000", string due = "20240308170000",
        string finished = "", string unit = "UBND xã Bản Giang", string code = "HS-1", string channel = "0", string returned = "") =>
        $$"""
        {"MaHoSo":"{{code}}","MaTTHC":"1.001234.000.00.00.H34","DonViXuLy":"{{unit}}","HinhThuc":"{{channel}}","TrangThaiHoSo":"{{status}}",
         "NgayTiepNhan":"{{received}}","NgayHenTra":"{{due}}","NgayKetThucXuLy":"{{finished}}","NgayTra":"{{returned}}"}
        """;

    private static IReadOnlyList<RecordError> Errors(string json) => Mapping.MapDossier(Record(json)).Errors;

    [Fact]
    public void AReceivedDossier_MapsEveryField_InVietnamTime()
    {
        var (d, errors) = Mapping.MapDossier(Record(Dossier()));

        Assert.Empty(errors);
        Assert.Equal(("HS-1", "1.001234.000.00.00.H34", "UBND xã Bản Giang"), (d!.DossierCode, d.ProcedureCode, d.ReceivingUnit));
        Assert.Equal((GovernmentLevel.Commune, DossierChannel.InPerson, DossierStatus.Received), (d.UnitLevel, d.Channel, d.Status));
        Assert.Equal(DateTimeOffset.Parse("2024-03-04T01:00:00Z"), d.ReceivedAt);
        Assert.Equal(DateTimeOffset.Parse("2024-03-08T10:00:00Z"), d.DueAt);
        Assert.Null(d.ClosedAt);
        Assert.True(d.ProcessedElectronically);
    }

    [Theory]
    [InlineData("UBND huyện Tam Đường", GovernmentLevel.District)]
    [InlineData("UBND thành phố Lai Châu", GovernmentLevel.District)]
    [InlineData("UBND phường Đông Phong", GovernmentLevel.Commune)]
    [InlineData("Sở Tư pháp", GovernmentLevel.Province)]
    public void TheUnitsLevel_ComesFromItsName(string unit, GovernmentLevel level) =>
        Assert.Equal(level, Mapping.MapDossier(Record(Dossier(unit: unit))).Dossier!.UnitLevel);

    [Fact]
    public void AClosedDossier_ClosesAtTheEndOfProcessing_OrElseAtItsReturn()
    {
        var finished = Mapping.MapDossier(Record(Dossier(status: "5", finished: "20240307100000", returned: "20240309100000"))).Dossier!;
        var returnedOnly = Mapping.MapDossier(Record(Dossier(status: "6", returned: "20240309100000"))).Dossier!;

        Assert.Equal((DossierStatus.Resolved, DateTimeOffset.Parse("2024-03-07T03:00:00Z")), (finished.Status, finished.ClosedAt));
        Assert.Equal((DossierStatus.Returned, DateTimeOffset.Parse("2024-03-09T03:00:00Z")), (returnedOnly.Status, returnedOnly.ClosedAt));
    }

    [Fact]
    public void TheTables_AreConfiguration()
    {
        var options = new DossierMappingOptions();
        options.Statuses["15"] = DossierStatus.Withdrawn;
        options.Units["Bộ phận một cửa xã Bản Giang"] = "UBND xã Bản Giang";
        options.ProcedureCodes["1.001234.000.00.00.H34"] = "LC-001";
        var mapping = new DossierMapping(options, new FixedClock(Now));

        var d = mapping.MapDossier(Record(Dossier(status: "15", unit: "Bộ phận một cửa xã Bản Giang", finished: "20240305080000"))).Dossier!;

        Assert.Equal((DossierStatus.Withdrawn, "UBND xã Bản Giang", GovernmentLevel.Commune, "LC-001"), (d.Status, d.ReceivingUnit, d.UnitLevel, d.ProcedureCode));
    }

    [Theory]
    [InlineData("""{"MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"1","NgayTiepNhan":"20240304080000","NgayHenTra":"20240308170000"}""", "MaHoSo", "bắt buộc phải có giá trị")]
    [InlineData("""{"MaHoSo":"HS 1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"1","NgayTiepNhan":"20240304080000","NgayHenTra":"20240308170000"}""", "MaHoSo", "khoảng trắng")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"1","NgayTiepNhan":"2024-03-04","NgayHenTra":"20240308170000"}""", "NgayTiepNhan", "yyyyMMddHHmmss")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"1","NgayTiepNhan":"20240230080000","NgayHenTra":"20240308170000"}""", "NgayTiepNhan", "yyyyMMddHHmmss")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"1","NgayTiepNhan":"19450901080000","NgayHenTra":"20240308170000"}""", "NgayTiepNhan", "02/09/1945")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"1","NgayTiepNhan":"20240304080000","NgayHenTra":"20281208170000"}""", "NgayHenTra", "07/12/2027")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"1","NgayTiepNhan":"20240304080000","NgayHenTra":"20240304080000"}""", "NgayHenTra", "ngày hẹn trả phải sau ngày tiếp nhận")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"99","NgayTiepNhan":"20240304080000","NgayHenTra":"20240308170000"}""", "TrangThaiHoSo", "\"99\"")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"5","NgayTiepNhan":"20240304080000","NgayHenTra":"20240308170000"}""", "NgayKetThucXuLy", "phải có thời điểm kết thúc")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"5","NgayTiepNhan":"20240304080000","NgayHenTra":"20240308170000","NgayKetThucXuLy":"20240303080000"}""", "NgayKetThucXuLy", "không được trước ngày tiếp nhận")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"1","HinhThuc":"7","NgayTiepNhan":"20240304080000","NgayHenTra":"20240308170000"}""", "HinhThuc", "\"7\"")]
    [InlineData("""{"MaHoSo":"HS-1","MaTTHC":"X","DonViXuLy":{"ten":"Sở"},"TrangThaiHoSo":"1","NgayTiepNhan":"20240304080000","NgayHenTra":"20240308170000"}""", "DonViXuLy", "chuỗi ký tự")]
    public void ARecordThatCannotBeMapped_IsRefused_NamingItsField(string json, string field, string message)
    {
        var (dossier, errors) = Mapping.MapDossier(Record(json));

        Assert.Null(dossier);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryWrongField_IsNamed_NotOnlyTheFirst()
    {
        var fields = Errors("""{"MaHoSo":"","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"0","NgayTiepNhan":"x","NgayHenTra":"20240308170000"}""")
            .Select(e => e.Field);

        Assert.Equal(["MaHoSo", "TrangThaiHoSo", "NgayTiepNhan"], fields);
    }

    [Fact]
    public void NumbersForCodes_AreReadAsWritten()
    {
        var d = Mapping.MapDossier(Record("""{"MaHoSo":"HS-2","MaTTHC":"X","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":4,"NgayTiepNhan":"20240304080000","NgayHenTra":"20240308170000","NgayKetThucXuLy":"20240305080000"}""")).Dossier;

        Assert.Equal(DossierStatus.Resolved, d!.Status);
    }

    [Fact]
    public void AProgressUpdate_MapsStatusAndInstant()
    {
        var (p, errors) = Mapping.MapProgress(Record("""{"MaHoSo":"HS-1","NguoiXuLy":"A","ThoiDiemXuLy":"20240307100000","TrangThai":"5"}"""));
        var (_, missing) = Mapping.MapProgress(Record("""{"MaHoSo":"HS-1","TrangThai":"5"}"""));

        Assert.Empty(errors);
        Assert.Equal(("HS-1", DossierStatus.Resolved, DateTimeOffset.Parse("2024-03-07T03:00:00Z")), (p!.DossierCode, p.Status, p.At));
        Assert.Equal("ThoiDiemXuLy", Assert.Single(missing).Field);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
