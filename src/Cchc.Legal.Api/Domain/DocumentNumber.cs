using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Legal.Api.Domain;

/// <summary>
/// The number and symbol as printed (số, ký hiệu). A normative document's is "number/year/TYPE-BODY" (Law on
/// normative documents 2015, Decree 34/2016): e.g. "05/2014/QĐ-UBND", "12/2016/NQ-HĐND", "03/2015/CT-UBND"; the
/// year is the year signed, TYPE the kind (NQ resolution, QĐ decision, CT directive), BODY the issuing body. A
/// non-normative document's has no year ("123/KH-UBND", "456/UBND-VX") and must not look like a normative one.
/// The issuing unit's name carries the level ("UBND tỉnh …", "HĐND huyện …", "UBND xã …").
/// </summary>
public static partial class DocumentNumber
{
    /// <summary>Directives stopped being normative documents when the 2015 Law took effect.</summary>
    public static readonly DateOnly DirectivesNormativeUntil = new(2016, 6, 30);

    [GeneratedRegex(@"^(?<n>[0-9]{1,4})/(?<year>[0-9]{4})/(?<type>NQ|QĐ|CT)-(?<body>HĐND|UBND)$", RegexOptions.CultureInvariant)]
    private static partial Regex Normative();

    [GeneratedRegex(@"^[0-9]{1,5}/[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NonNormative();

    public static string TypeOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Resolution => "NQ",
        DocumentKind.Decision => "QĐ",
        DocumentKind.Directive => "CT",
        _ => "",
    };

    public static string BodyOf(IssuingBody body) => body == IssuingBody.PeoplesCouncil ? "HĐND" : "UBND";

    /// <summary>The printed number of a normative document.</summary>
    public static string Format(int number, int year, DocumentKind kind, IssuingBody body) =>
        string.Create(CultureInfo.InvariantCulture, $"{number:00}/{year}/{TypeOf(kind)}-{BodyOf(body)}");

    /// <summary>The body that may issue a kind (null: any).</summary>
    public static IssuingBody? BodyFor(DocumentKind kind) => kind switch
    {
        DocumentKind.Resolution => IssuingBody.PeoplesCouncil,
        DocumentKind.Decision or DocumentKind.Directive => IssuingBody.PeoplesCommittee,
        _ => null,
    };

    /// <summary>Unicode NFC, so "Đ" typed as D + combining stroke-free forms compares equal to what was stored.</summary>
    public static string Normalize(string number) => number.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>Adds violations to <paramref name="v"/> for a number that does not match the kind, body, level and signing year.</summary>
    public static void Check(ServiceKit.Validator v, string number, DocumentKind kind, IssuingBody body, GovernmentLevel level,
        string issuerUnit, DateOnly? signedOn)
    {
        if (BodyFor(kind) is { } expectedBody && body != IssuingBody.Unspecified && body != expectedBody)
        {
            v.Add("attributes.issuing_body", LegalMessages.KindNeedsBody(kind));
        }
        if (issuerUnit.Length > 0 && body != IssuingBody.Unspecified && level != GovernmentLevel.Unspecified && !UnitMatches(issuerUnit, body, level))
        {
            v.Add("attributes.issuer_unit", LegalMessages.UnitNotOfLevel(BodyOf(body), level));
        }
        if (kind == DocumentKind.Directive && signedOn > DirectivesNormativeUntil)
        {
            v.Add("attributes.kind", LegalMessages.DirectiveAfterLaw2015);
        }
        if (number.Length == 0 || kind == DocumentKind.Unspecified)
        {
            return;
        }
        var match = Normative().Match(number);
        if (kind == DocumentKind.NonNormativeWithNorms)
        {
            if (match.Success || !NonNormative().IsMatch(number))
            {
                v.Add("attributes.number", LegalMessages.NonNormativeNumber);
            }
            return;
        }
        if (!match.Success)
        {
            v.Add("attributes.number", LegalMessages.NormativeNumber(TypeOf(kind), BodyOf(body)));
            return;
        }
        if (match.Groups["type"].Value != TypeOf(kind))
        {
            v.Add("attributes.number", LegalMessages.NumberTypeMismatch(match.Groups["type"].Value, TypeOf(kind)));
        }
        else if (body != IssuingBody.Unspecified && match.Groups["body"].Value != BodyOf(body))
        {
            v.Add("attributes.number", LegalMessages.NumberBodyMismatch(match.Groups["body"].Value, BodyOf(body)));
        }
        else if (signedOn is { } signed && int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) != signed.Year)
        {
            v.Add("attributes.number", LegalMessages.NumberYearMismatch(signed.Year));
        }
    }

    /// <summary>"HĐND tỉnh Lai Châu", "UBND huyện Tam Đường", "UBND thành phố Lai Châu", "HĐND xã Bản Giang", "UBND thị trấn Sìn Hồ".</summary>
    public static bool UnitMatches(string issuerUnit, IssuingBody body, GovernmentLevel level)
    {
        var prefix = BodyOf(body) + " ";
        if (!issuerUnit.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = issuerUnit[prefix.Length..];
        string[] words = level switch
        {
            GovernmentLevel.Province => ["tỉnh ", "thành phố "],
            GovernmentLevel.District => ["huyện ", "thành phố ", "thị xã ", "quận "],
            GovernmentLevel.Commune => ["xã ", "phường ", "thị trấn "],
            _ => [],
        };
        return words.Any(w => rest.StartsWith(w, StringComparison.Ordinal));
    }
}
