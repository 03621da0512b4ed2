using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>A procedure's attributes (one catalogue version), as the procedures API takes them.</summary>
public sealed record ProcedureSpec(
    string Name,
    string Field,
    GovernmentLevel Level,
    string ResolvingUnit,
    ReceivingPlace Place,
    bool InterAgencySameLevel,
    bool InterAgencyBetweenLevels,
    bool FourOnTheSpot,
    OnlineServiceLevel OnlineLevel);

/// <summary>A decision of the Chairman of the provincial People's Committee announcing catalogue changes.</summary>
public sealed record Decision(string Number, DateOnly Date);

public enum ChangeKind
{
    /// <summary>CreateProcedure: <see cref="CatalogueChange.Day"/> is the day it enters into force.</summary>
    Announce,
    /// <summary>AmendProcedure: <see cref="CatalogueChange.Day"/> is the day the new version holds from.</summary>
    Amend,
    /// <summary>AbolishProcedure: <see cref="CatalogueChange.Day"/> is the day of abolition (no longer in force on it).</summary>
    Abolish,
}

/// <summary>One catalogue change; <see cref="Version"/> is the procedure's version it creates (1 = announcement).</summary>
public sealed record CatalogueChange(ChangeKind Kind, string Code, int Version, DateOnly Day, ProcedureSpec Attributes, Decision Decision);

/// <summary>What a dossier needs to know about a procedure that the API does not carry.</summary>
/// <param name="ProcessingDays">Prescribed time to resolve, in working days (due date = received day + this).</param>
/// <param name="Popularity">Relative number of dossiers it attracts.</param>
public sealed record ProcedureProfile(string Code, int ProcessingDays, double Popularity);

/// <summary>A dossier of the one-stop shop (hồ sơ), as imported through DossierService.ImportDossiers.</summary>
public sealed record DemoDossier(
    string DossierId,
    string ProcedureCode,
    string ReceivingUnit,
    GovernmentLevel UnitLevel,
    DossierChannel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DossierStatus Status,
    DateTimeOffset? ClosedAt,
    bool? ProcessedElectronically = null);

/// <summary>Citizen feedback (PAKN): received, resolved and its answer published on the provincial portal.</summary>
public sealed record DemoFeedback(string FeedbackId, string? ProcedureCode, string Subject, DateTimeOffset ReceivedAt,
    DateTimeOffset ResolvedAt, DateTimeOffset PublishedAt);
