using Cchc.Contracts.Events.Egov;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Modernisation;

/// <summary>
/// E-government figures from the e-government service's submissions and capability states (docs/adr/0011):
/// a flow (documents over the national axis, signatures issued, administrative documents) is the sum of the
/// submissions whose period lies inside the report period — blank when none was submitted; a stock (connected units,
/// mailboxes, civil servants) is, per source system and unit, the latest submission whose period ends inside the report
/// period, summed over units; a rate is its numerator's sum over its denominator's (blank when the denominator is 0 or
/// missing). A capability counts the units whose state in effect at the period's end (latest effective day ≤ to) is
/// "in use"; the ISO row is "units that announced ISO 9001 / units whose ISO state is recorded", both among provincial
/// agencies and district-level units.
/// </summary>
public sealed class ModernisationIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string ElectronicDocumentRate = "egov.documents.electronic_rate";
    public const string AxisConnectedUnits = "egov.axis.connected_units";
    public const string AxisReceived = "egov.axis.documents_received";
    public const string AxisSent = "egov.axis.documents_sent";
    public const string Signatures = "egov.signatures.total";
    public const string SignaturesPersonal = "egov.signatures.personal";
    public const string SignaturesOrganisation = "egov.signatures.organisation";
    public const string SignaturesMobile = "egov.signatures.mobile";
    public const string MailboxRate = "egov.mailboxes.civil_servant_rate";
    public const string Mailboxes = "egov.mailboxes.total";
    public const string DocumentManagement = "egov.capability.document_management";
    public const string Lan = "egov.capability.lan";
    public const string WebPortal = "egov.capability.web_portal";
    public const string OneStopShopSoftware = "egov.capability.one_stop_shop_software";
    public const string Iso = "egov.capability.iso_9001";
    public const string IsoUnits = "egov.iso_9001.units";
    public const string Iso2008 = "egov.iso_9001.version_2008";
    public const string Iso2015 = "egov.iso_9001.version_2015";

    private const string FlowSql = """
        SELECT p.key, f.metric, sum(f.value)
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN egov_metric_facts f ON f.period_from >= p.from_day AND f.period_to <= p.to_day
        WHERE f.metric IN (1, 2, 3, 4, 5, 10, 11)
        GROUP BY p.key, f.metric
        """;

    private const string StockSql = """
        WITH latest AS (
            SELECT DISTINCT ON (p.key, f.source_system, f.unit, f.metric) p.key, f.metric, f.value
            FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
            JOIN egov_metric_facts f ON f.period_to BETWEEN p.from_day AND p.to_day
            WHERE f.metric IN (6, 7, 8, 9)
            ORDER BY p.key, f.source_system, f.unit, f.metric, f.period_to DESC, f.period_from DESC
        )
        SELECT key, metric, sum(value) FROM latest GROUP BY key, metric
        """;

    private const string CapabilitySql = """
        WITH state AS (
            SELECT DISTINCT ON (p.key, c.unit, c.capability) p.key, c.capability, c.unit_level, c.in_use, c.iso_version
            FROM unnest(@keys, @tos) AS p(key, day)
            JOIN egov_capability_facts c ON c.effective_from <= p.day
            ORDER BY p.key, c.unit, c.capability, c.effective_from DESC
        )
        SELECT key, capability,
            count(*) FILTER (WHERE in_use AND unit_level IN (1, 2)),
            count(*) FILTER (WHERE in_use),
            count(*) FILTER (WHERE unit_level IN (1, 2)),
            count(*) FILTER (WHERE in_use AND iso_version = 1),
            count(*) FILTER (WHERE in_use AND iso_version = 2)
        FROM state GROUP BY key, capability
        """;

    public IReadOnlyCollection<string> FactKinds { get; } = ["MetricsSubmitted", "CapabilityStatesRecorded"];

    public IReadOnlyCollection<string> Indicators { get; } =
    [
        ElectronicDocumentRate, AxisConnectedUnits, AxisReceived, AxisSent, Signatures, SignaturesPersonal, SignaturesOrganisation,
        SignaturesMobile, MailboxRate, Mailboxes, DocumentManagement, Lan, WebPortal, OneStopShopSoftware, Iso, IsoUnits, Iso2008, Iso2015,
    ];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        var metrics = new Dictionary<(string Period, EgovMetric Metric), decimal>();
        void Read(Npgsql.NpgsqlDataReader r) => metrics[(r.GetString(0), (EgovMetric)r.GetInt32(1))] = r.GetDecimal(2);
        await FactQuery.ReadAsync(db, FlowSql, periods, Read, cancellationToken);
        await FactQuery.ReadAsync(db, StockSql, periods, Read, cancellationToken);
        var capabilities = new Dictionary<(string Period, EgovCapability Capability), CapabilityCounts>();
        await FactQuery.ReadAsync(db, CapabilitySql, periods, r => capabilities[(r.GetString(0), (EgovCapability)r.GetInt32(1))] =
            new CapabilityCounts(r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)), cancellationToken);

        foreach (var key in periods.Select(p => p.Key))
        {
            decimal? Metric(EgovMetric metric) => metrics.TryGetValue((key, metric), out var v) ? v : null;
            void SetCount(string indicator, decimal? value) => values.Set(indicator, key, value);
            void SetRate(string indicator, decimal? numerator, decimal? denominator) =>
                values.Set(indicator, key, numerator is { } n && denominator is { } d && n <= d ? IndicatorMath.Percentage(n, d) : null);

            SetRate(ElectronicDocumentRate, Metric(EgovMetric.AdminDocumentsElectronic), Metric(EgovMetric.AdminDocuments));
            SetCount(AxisConnectedUnits, Metric(EgovMetric.AxisConnectedUnits));
            SetCount(AxisReceived, Metric(EgovMetric.AxisDocumentsReceived));
            SetCount(AxisSent, Metric(EgovMetric.AxisDocumentsSent));
            var personal = Metric(EgovMetric.SignaturesPersonal);
            var organisation = Metric(EgovMetric.SignaturesOrganisation);
            var mobile = Metric(EgovMetric.SignaturesMobile);
            SetCount(SignaturesPersonal, personal);
            SetCount(SignaturesOrganisation, organisation);
            SetCount(SignaturesMobile, mobile);
            SetCount(Signatures, personal is null && organisation is null && mobile is null
                ? null : IndicatorMath.Total(personal ?? 0, organisation ?? 0, mobile ?? 0));
            SetRate(MailboxRate, Metric(EgovMetric.CivilServantsWithMailbox), Metric(EgovMetric.CivilServants));
            SetCount(Mailboxes, Metric(EgovMetric.OfficialMailboxes));

            CapabilityCounts Of(EgovCapability capability) => capabilities.GetValueOrDefault((key, capability));
            values.Set(DocumentManagement, key, Of(EgovCapability.DocumentManagement).InUseUpper);
            values.Set(Lan, key, Of(EgovCapability.Lan).InUseUpper);
            values.Set(WebPortal, key, Of(EgovCapability.WebPortal).InUseUpper);
            values.Set(OneStopShopSoftware, key, Of(EgovCapability.OneStopShopSoftware).InUseAll);
            var iso = Of(EgovCapability.Iso9001);
            values.Set(Iso, key, iso.RecordedUpper == 0 ? null : ReportValue.Of(IndicatorMath.Fraction(iso.InUseUpper, iso.RecordedUpper)));
            values.Set(IsoUnits, key, iso.InUseAll);
            values.Set(Iso2008, key, iso.Iso2008);
            values.Set(Iso2015, key, iso.Iso2015);
        }
    }

    private readonly record struct CapabilityCounts(long InUseUpper, long InUseAll, long RecordedUpper, long Iso2008, long Iso2015);
}
