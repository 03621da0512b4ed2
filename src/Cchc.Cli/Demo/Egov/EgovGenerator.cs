using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo.Egov;

/// <summary>
/// Builds the GENERATED e-government data of Lai Châu (2015 – 31/3/2020) so that Appendix 7's rows 1–9, 12 and 14
/// computed from it equal <see cref="EgovTargets"/>: one submission per source system, metric and report period
/// (province-wide figures, about "UBND tỉnh Lai Châu"), and dated capability states of the provincial agencies,
/// other provincial units, districts and communes. Deterministic; every record is labelled as generated.
/// </summary>
public static class EgovGenerator
{
    public const string Province = "UBND tỉnh Lai Châu";
    public const string AxisSource = "truc-lien-thong-vbqg";
    public const string SignatureSource = "ca-ban-co-yeu";
    public const string MailSource = "thu-cong-vu";
    public const string ReportSource = "bao-cao-stttt";

    /// <summary>22 provincial agencies: the specialised agencies (sở and equivalents) and the offices working beside them.</summary>
    public static readonly string[] Agencies =
    [
        "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương",
        "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Xây dựng", "Sở Tài nguyên và Môi trường",
        "Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Ngoại vụ", "Thanh tra tỉnh", "Ban Dân tộc tỉnh",
        "Ban Quản lý Khu kinh tế cửa khẩu Ma Lù Thàng", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Trung tâm Phục vụ hành chính công tỉnh",
    ];

    /// <summary>Other provincial units (sub-departments, centres) that took up document-management software in 2019.</summary>
    public static readonly string[] OtherProvincialUnits =
    [
        "Chi cục Kiểm lâm", "Chi cục Thủy lợi", "Chi cục Chăn nuôi và Thú y", "Chi cục Trồng trọt và Bảo vệ thực vật",
        "Chi cục Phát triển nông thôn", "Chi cục Quản lý chất lượng Nông lâm sản và Thủy sản", "Chi cục Văn thư - Lưu trữ",
        "Ban Thi đua - Khen thưởng", "Ban Tôn giáo", "Chi cục Dân số - Kế hoạch hóa gia đình", "Chi cục An toàn vệ sinh thực phẩm",
        "Chi cục Bảo vệ môi trường", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Chi cục Quản lý thị trường", "Chi cục Giám định xây dựng",
        "Chi cục Phòng, chống tệ nạn xã hội", "Trung tâm Giám định y khoa", "Trung tâm Công nghệ thông tin và Truyền thông",
        "Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch", "Trung tâm Kiểm soát bệnh tật", "Trung tâm Dịch vụ việc làm",
        "Trung tâm Phát triển quỹ đất", "Trung tâm Quan trắc tài nguyên và môi trường", "Trung tâm Khuyến nông",
        "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn", "Trung tâm Văn hóa tỉnh", "Thư viện tỉnh", "Bảo tàng tỉnh",
        "Trung tâm Lưu trữ lịch sử tỉnh",
    ];

    /// <summary>States recorded before the report's first period hold from this day.</summary>
    private static readonly DateOnly Before2015 = new(2014, 12, 1);

    public static DemoEgovData Generate() => new(Metrics(), Capabilities());

    private static List<DemoMetric> Metrics()
    {
        var metrics = new List<DemoMetric>();
        // Figures the source does not print but the rates need (the denominators) are invented, plausible sizes.
        long[] adminDocuments = [96_000, 99_000, 103_000, 110_000, 124_000, 31_000];
        long[] civilServants = [3_240, 3_200, 3_160, 3_120, 3_080, 3_080];
        long[] mailboxes = [650, 680, 700, 760, 4_100, 4_228];
        for (var i = 0; i < DemoPeriod.All.Count; i++)
        {
            var period = DemoPeriod.All[i];
            void Add(string source, EgovMetric metric, long value) =>
                metrics.Add(new DemoMetric(source, Province, GovernmentLevel.Province, metric, period.From, period.To, value));

            Add(ReportSource, EgovMetric.AdminDocuments, adminDocuments[i]);
            Add(ReportSource, EgovMetric.AdminDocumentsElectronic, Part(adminDocuments[i], EgovTargets.ElectronicDocumentPercent[i]));
            Add(AxisSource, EgovMetric.AxisConnectedUnits, EgovTargets.AxisConnectedUnits[i]);
            Add(AxisSource, EgovMetric.AxisDocumentsReceived, EgovTargets.AxisReceived[i]);
            Add(AxisSource, EgovMetric.AxisDocumentsSent, EgovTargets.AxisSent[i]);
            var signatures = EgovTargets.Signatures[i];
            var mobile = period.Year >= 2019 ? signatures * 6 / 100 : 0;
            var organisation = (signatures - mobile) * 29 / 100;
            Add(SignatureSource, EgovMetric.SignaturesPersonal, signatures - mobile - organisation);
            Add(SignatureSource, EgovMetric.SignaturesOrganisation, organisation);
            Add(SignatureSource, EgovMetric.SignaturesMobile, mobile);
            Add(MailSource, EgovMetric.CivilServants, civilServants[i]);
            Add(MailSource, EgovMetric.CivilServantsWithMailbox, Part(civilServants[i], EgovTargets.MailboxPercent[i]));
            Add(MailSource, EgovMetric.OfficialMailboxes, mailboxes[i]);
        }
        return metrics;
    }

    /// <summary>The part of <paramref name="whole"/> that is exactly <paramref name="percent"/>% of it (the wholes are chosen so it is).</summary>
    private static long Part(long whole, decimal percent)
    {
        var part = whole * percent / 100m;
        if (part != decimal.Truncate(part)) throw new InvalidOperationException($"{percent}% of {whole} is not a whole number.");
        return (long)part;
    }

    private static List<DemoCapability> Capabilities()
    {
        var states = new List<DemoCapability>();
        var districts = LaiChauUnits.DistrictUnits;
        var communes = LaiChauUnits.CommuneUnits;
        void Add(IEnumerable<string> units, GovernmentLevel level, EgovCapability capability, DateOnly from,
            IsoVersion iso = IsoVersion.Unspecified) =>
            states.AddRange(units.Select(u => new DemoCapability(u, level, capability, from, InUse: true, iso,
                iso == IsoVersion.Unspecified ? null : from)));

        // Row 7: 12 units (4 agencies and the 8 districts) before 2015; every provincial unit and district from 2019.
        var early = EgovTargets.DocumentManagement[0] - districts.Length;
        Add(Agencies.Take(early), GovernmentLevel.Province, EgovCapability.DocumentManagement, Before2015);
        Add(districts, GovernmentLevel.District, EgovCapability.DocumentManagement, Before2015);
        var upper2019 = EgovTargets.DocumentManagement[4] - districts.Length;
        Add(Agencies.Concat(OtherProvincialUnits).Take(upper2019).Skip(early), GovernmentLevel.Province, EgovCapability.DocumentManagement,
            new DateOnly(2019, 3, 1));

        // Rows 8–9: the agencies and districts.
        foreach (var capability in new[] { EgovCapability.Lan, EgovCapability.WebPortal })
        {
            Add(Agencies.Take(EgovTargets.LanAndPortal - districts.Length), GovernmentLevel.Province, capability, Before2015);
            Add(districts, GovernmentLevel.District, capability, Before2015);
        }

        // Row 12: the districts before 2015; in 2019 the agencies with a receiving desk and every commune.
        Add(districts, GovernmentLevel.District, EgovCapability.OneStopShopSoftware, Before2015);
        var withDesk = EgovTargets.OneStopShopSoftware[4] - districts.Length - communes.Length;
        Add(Agencies.Skip(1).Take(withDesk), GovernmentLevel.Province, EgovCapability.OneStopShopSoftware, new DateOnly(2019, 5, 2));
        Add(communes, GovernmentLevel.Commune, EgovCapability.OneStopShopSoftware, new DateOnly(2019, 5, 2));

        // Row 14: agencies and districts announced ISO 9001:2008 before 2015 and moved to ISO 9001:2015 in 2019; communes adopt it in 2019.
        var isoAgencies = Agencies.Take(EgovTargets.IsoUnits - districts.Length).ToList();
        Add(isoAgencies, GovernmentLevel.Province, EgovCapability.Iso9001, new DateOnly(2014, 10, 15), IsoVersion.Iso2008);
        Add(districts, GovernmentLevel.District, EgovCapability.Iso9001, new DateOnly(2014, 10, 15), IsoVersion.Iso2008);
        Add(isoAgencies, GovernmentLevel.Province, EgovCapability.Iso9001, new DateOnly(2019, 6, 14), IsoVersion.Iso2015);
        Add(districts, GovernmentLevel.District, EgovCapability.Iso9001, new DateOnly(2019, 6, 14), IsoVersion.Iso2015);
        Add(communes, GovernmentLevel.Commune, EgovCapability.Iso9001, new DateOnly(2019, 9, 16), IsoVersion.Iso2015);
        return states;
    }
}
