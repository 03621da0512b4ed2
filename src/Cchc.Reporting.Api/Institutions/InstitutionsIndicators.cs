using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Institutions;

/// <summary>
/// Appendix 2's facts (institutional reform), for each period [from, to]:
/// documents signed in the period by kind and level (the total is the sum of the six kinds, whatever the source
/// printed); documents with a review finding other than KEEP recorded in the period, and those whose finding was
/// handled in the period; documents checked in the period, found unlawful (content or authority) by a check in the
/// period, and whose unlawful finding was handled in the period; non-normative documents containing norms signed in
/// the period. Document counts are distinct documents (a document reviewed or checked twice in a period counts once).
/// Enum numbers are those of Cchc.Contracts.Events.Legal / Procedures.GovernmentLevel.
/// </summary>
public sealed class InstitutionsIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string IssuedTotal = "legal.issued.total";
    public const string ProvinceCouncilResolutions = "legal.issued.province_council_resolutions";
    public const string ProvinceCommitteeDecisions = "legal.issued.province_committee_decisions";
    public const string DistrictCouncilResolutions = "legal.issued.district_council_resolutions";
    public const string DistrictCommitteeDecisions = "legal.issued.district_committee_decisions";
    public const string CommuneCouncilResolutions = "legal.issued.commune_council_resolutions";
    public const string CommuneCommitteeDecisions = "legal.issued.commune_committee_decisions";
    public const string ProvinceCommitteeDirectives = "legal.issued.province_committee_directives";
    /// <summary>Provincial council resolutions + committee decisions + committee directives (the body's key figure).</summary>
    public const string ProvinceTotal = "legal.issued.province_total";
    public const string ProposedAfterReview = "legal.review.proposed";
    public const string HandledAfterReview = "legal.review.handled";
    public const string Checked = "legal.checks.checked";
    public const string Unlawful = "legal.checks.unlawful";
    public const string UnlawfulHandled = "legal.checks.unlawful_handled";
    public const string NonNormativeWithNorms = "legal.non_normative_with_norms";

    /// <summary>(indicator, kind, issuing body, level) of the six kinds Appendix 2 breaks the total into.</summary>
    public static readonly IReadOnlyList<(string Indicator, int Kind, int Body, int Level)> Breakdown =
    [
        (ProvinceCouncilResolutions, 1, 1, 1),
        (ProvinceCommitteeDecisions, 2, 2, 1),
        (DistrictCouncilResolutions, 1, 1, 2),
        (DistrictCommitteeDecisions, 2, 2, 2),
        (CommuneCouncilResolutions, 1, 1, 3),
        (CommuneCommitteeDecisions, 2, 2, 3),
    ];

    private const string Sql = """
        SELECT p.key,
            (SELECT count(*) FROM legal_document_facts d WHERE d.signed_on BETWEEN p.from_day AND p.to_day AND d.kind = 1 AND d.issuing_body = 1 AND d.level = 1),
            (SELECT count(*) FROM legal_document_facts d WHERE d.signed_on BETWEEN p.from_day AND p.to_day AND d.kind = 2 AND d.issuing_body = 2 AND d.level = 1),
            (SELECT count(*) FROM legal_document_facts d WHERE d.signed_on BETWEEN p.from_day AND p.to_day AND d.kind = 1 AND d.issuing_body = 1 AND d.level = 2),
            (SELECT count(*) FROM legal_document_facts d WHERE d.signed_on BETWEEN p.from_day AND p.to_day AND d.kind = 2 AND d.issuing_body = 2 AND d.level = 2),
            (SELECT count(*) FROM legal_document_facts d WHERE d.signed_on BETWEEN p.from_day AND p.to_day AND d.kind = 1 AND d.issuing_body = 1 AND d.level = 3),
            (SELECT count(*) FROM legal_document_facts d WHERE d.signed_on BETWEEN p.from_day AND p.to_day AND d.kind = 2 AND d.issuing_body = 2 AND d.level = 3),
            (SELECT count(*) FROM legal_document_facts d WHERE d.signed_on BETWEEN p.from_day AND p.to_day AND d.kind = 3 AND d.issuing_body = 2 AND d.level = 1),
            (SELECT count(DISTINCT f.document_id) FROM review_finding_facts f WHERE f.conclusion <> 1 AND f.found_on BETWEEN p.from_day AND p.to_day),
            (SELECT count(DISTINCT f.document_id) FROM review_finding_facts f WHERE f.conclusion <> 1 AND f.handling <> 0 AND f.handled_on BETWEEN p.from_day AND p.to_day),
            (SELECT count(DISTINCT c.document_id) FROM document_check_facts c WHERE c.checked_on BETWEEN p.from_day AND p.to_day),
            (SELECT count(DISTINCT c.document_id) FROM document_check_facts c WHERE c.result >= 2 AND c.checked_on BETWEEN p.from_day AND p.to_day),
            (SELECT count(DISTINCT c.document_id) FROM document_check_facts c WHERE c.result >= 2 AND c.handling <> 0 AND c.handled_on BETWEEN p.from_day AND p.to_day),
            (SELECT count(*) FROM legal_document_facts d WHERE d.signed_on BETWEEN p.from_day AND p.to_day AND d.kind = 4)
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        """;

    public IReadOnlyCollection<string> FactKinds { get; } = ["LegalDocumentsRecorded", "ReviewFindingsRecorded", "DocumentChecksRecorded"];

    public IReadOnlyCollection<string> Indicators { get; } =
    [
        IssuedTotal, .. Breakdown.Select(b => b.Indicator), ProvinceCommitteeDirectives, ProvinceTotal, ProposedAfterReview, HandledAfterReview,
        Checked, Unlawful, UnlawfulHandled, NonNormativeWithNorms,
    ];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        await FactQuery.ReadAsync(db, Sql, periods, reader =>
        {
            var key = reader.GetString(0);
            var total = 0m;
            for (var i = 0; i < Breakdown.Count; i++)
            {
                var count = reader.GetInt64(1 + i);
                total += count;
                values.Set(Breakdown[i].Indicator, key, count);
            }
            values.Set(IssuedTotal, key, total);
            values.Set(ProvinceCommitteeDirectives, key, reader.GetInt64(7));
            values.Set(ProvinceTotal, key, IndicatorMath.Total(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(7)));
            values.Set(ProposedAfterReview, key, reader.GetInt64(8));
            values.Set(HandledAfterReview, key, reader.GetInt64(9));
            values.Set(Checked, key, reader.GetInt64(10));
            values.Set(Unlawful, key, reader.GetInt64(11));
            values.Set(UnlawfulHandled, key, reader.GetInt64(12));
            values.Set(NonNormativeWithNorms, key, reader.GetInt64(13));
        }, cancellationToken);
    }
}
