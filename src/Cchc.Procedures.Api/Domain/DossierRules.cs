using Cchc.Contracts.Events.Procedures;

namespace Cchc.Procedures.Api.Domain;

/// <summary>The rules of a dossier's life: received, then closed once (resolved, returned or withdrawn).</summary>
public static class DossierRules
{
    public static bool IsClosed(DossierStatus status) =>
        status is DossierStatus.Resolved or DossierStatus.Returned or DossierStatus.Withdrawn;

    /// <summary>On time (đúng hạn) = resolved, and resolved on or before the due instant.</summary>
    public static bool IsOnTime(DossierStatus status, DateTimeOffset? closedAt, DateTimeOffset dueAt) =>
        status == DossierStatus.Resolved && closedAt is { } closed && closed <= dueAt;

    /// <summary>
    /// Decides whether <paramref name="current"/> may be closed as <paramref name="target"/> at <paramref name="closedAt"/>.
    /// Returns the closed dossier, or null when exactly this close is already recorded (a retry: nothing to write).
    /// </summary>
    public static DossierFacts? Close(DossierFacts current, DossierStatus target, DateTimeOffset closedAt)
    {
        if (!IsClosed(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A dossier closes as resolved, returned or withdrawn.");
        }
        if (IsClosed(current.Status))
        {
            if (current.Status == target && current.ClosedAt == closedAt)
            {
                return null;
            }
            throw DomainException.Precondition("dossier_id",
                $"hồ sơ {current.DossierId} đã kết thúc ({Describe(current.Status)}) lúc {Format(current.ClosedAt)}, không thể chuyển sang {Describe(target)}");
        }
        if (closedAt < current.ReceivedAt)
        {
            throw DomainException.Invalid("closed_at", Messages.ClosedBeforeReceived);
        }
        return current with { Status = target, ClosedAt = closedAt };
    }

    public static string Describe(DossierStatus status) => status switch
    {
        DossierStatus.Received => "đã tiếp nhận",
        DossierStatus.Resolved => "đã giải quyết",
        DossierStatus.Returned => "đã trả lại",
        DossierStatus.Withdrawn => "đã rút",
        _ => status.ToString(),
    };

    internal static string Format(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
