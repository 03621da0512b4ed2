namespace Cchc.Procedures.Api.Domain;

/// <summary>
/// The catalogue's rules. Versions only move forward in time (each effective from a day not before the
/// previous one's, and not before the day the procedure entered into force); an abolished procedure takes no
/// further version. Each method returns the version to record, or null when the request repeats exactly what
/// is already recorded (a retry: nothing to write).
/// </summary>
public static class CatalogueRules
{
    public static ProcedureState Announce(CreateProcedureCommand command) =>
        new(command.Code, 1, command.InForceFrom, command.InForceFrom, null, command.Definition);

    /// <summary>A second announcement of a known code: fine when it says the same as the first, ALREADY_EXISTS otherwise.</summary>
    public static void EnsureSameAnnouncement(ProcedureState first, CreateProcedureCommand command)
    {
        var difference = first.InForceFrom != command.InForceFrom ? "in_force_from" : first.Definition.FirstDifference(command.Definition);
        if (difference is not null)
        {
            throw DomainException.Conflict(difference, Messages.DifferentContent("thủ tục", command.Code, difference));
        }
    }

    public static ProcedureState? Amend(ProcedureState current, AmendProcedureCommand command)
    {
        EnsureNotAbolished(current);
        if (command.EffectiveFrom == current.EffectiveFrom && command.Definition == current.Definition)
        {
            return null;
        }
        EnsureNotBefore("effective_from", command.EffectiveFrom, current);
        return current with { Version = current.Version + 1, EffectiveFrom = command.EffectiveFrom, Definition = command.Definition };
    }

    public static ProcedureState? Abolish(ProcedureState current, AbolishProcedureCommand command)
    {
        var definition = current.Definition with { DecisionNumber = command.DecisionNumber, DecisionDate = command.DecisionDate };
        if (current.IsAbolished && current.AbolishedOn == command.AbolishedOn && current.Definition == definition)
        {
            return null;
        }
        EnsureNotAbolished(current);
        EnsureNotBefore("abolished_on", command.AbolishedOn, current);
        return current with
        {
            Version = current.Version + 1,
            EffectiveFrom = command.AbolishedOn,
            AbolishedOn = command.AbolishedOn,
            Definition = definition,
        };
    }

    private static void EnsureNotAbolished(ProcedureState current)
    {
        if (current.AbolishedOn is { } abolished)
        {
            throw DomainException.Precondition("code", $"thủ tục {current.Code} đã bị bãi bỏ từ ngày {IsoDate.Format(abolished)}");
        }
    }

    private static void EnsureNotBefore(string field, DateOnly day, ProcedureState current)
    {
        if (day < current.InForceFrom)
        {
            throw DomainException.Precondition(field, $"không được trước ngày thủ tục có hiệu lực ({IsoDate.Format(current.InForceFrom)})");
        }
        if (day < current.EffectiveFrom)
        {
            throw DomainException.Precondition(field,
                $"không được trước ngày áp dụng của phiên bản hiện hành {current.Version} ({IsoDate.Format(current.EffectiveFrom)})");
        }
    }
}
