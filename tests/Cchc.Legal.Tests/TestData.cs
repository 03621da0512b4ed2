using Cchc.Legal.Api.Grpc;

namespace Cchc.Legal.Tests;

/// <summary>Valid requests to start from; each test changes what it is about.</summary>
internal static class TestData
{
    public const string ProvinceCommittee = "UBND tỉnh Lai Châu";
    public const string ProvinceCouncil = "HĐND tỉnh Lai Châu";

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 33)];

    /// <summary>A provincial People's Committee decision signed on <paramref name="signedOn"/>, in force 10 days later.</summary>
    public static DocumentAttributes Decision(string signedOn = "2016-03-01", string? effectiveOn = null, int number = 5, string title = "Quy định quản lý cụm công nghiệp")
    {
        var year = signedOn[..4];
        return new DocumentAttributes
        {
            Kind = DocumentKind.Decision,
            IssuingBody = IssuingBody.PeoplesCommittee,
            Level = GovernmentLevel.Province,
            IssuerUnit = ProvinceCommittee,
            Number = $"{number:00}/{year}/QĐ-UBND",
            Title = title,
            DraftingAgency = "Sở Công Thương",
            SignedOn = signedOn,
            EffectiveOn = effectiveOn ?? DateOnly.Parse(signedOn, System.Globalization.CultureInfo.InvariantCulture).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static RegisterDocumentRequest Register(string id, DocumentAttributes attributes) => new() { DocumentId = id, Attributes = attributes };

    public static RecordLifecycleEventRequest Event(string id, LifecycleEventType type, string effectiveOn, string causedBy = "", string issuer = ProvinceCommittee) => new()
    {
        DocumentId = id,
        IssuerUnit = issuer,
        Event = new LifecycleEvent { Type = type, EffectiveOn = effectiveOn, CausedBy = causedBy },
    };
}
