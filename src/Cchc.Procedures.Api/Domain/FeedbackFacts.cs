namespace Cchc.Procedures.Api.Domain;

/// <summary>A citizen feedback item (phản ánh, kiến nghị): received, then resolved, then its answer published.</summary>
public sealed record FeedbackFacts(
    string FeedbackId,
    string? ProcedureCode,
    string Subject,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? PublishedAt)
{
    /// <summary>The wire name of the first received field that differs, or null.</summary>
    public string? FirstDifference(FeedbackFacts other) =>
        ProcedureCode != other.ProcedureCode ? "procedure_code"
        : Subject != other.Subject ? "subject"
        : ReceivedAt != other.ReceivedAt ? "received_at"
        : null;
}

/// <summary>Each step happens once and in order; the exact same step repeated is a retry (null: nothing to write).</summary>
public static class FeedbackRules
{
    public static FeedbackFacts? Resolve(FeedbackFacts current, DateTimeOffset at)
    {
        if (current.ResolvedAt is { } resolved)
        {
            return resolved == at ? null
                : throw DomainException.Precondition("feedback_id",
                    $"phản ánh, kiến nghị {current.FeedbackId} đã được giải quyết lúc {DossierRules.Format(resolved)}");
        }
        if (at < current.ReceivedAt)
        {
            throw DomainException.Invalid("at", Messages.StepBeforeReceived);
        }
        return current with { ResolvedAt = at };
    }

    public static FeedbackFacts? Publish(FeedbackFacts current, DateTimeOffset at)
    {
        if (current.PublishedAt is { } published)
        {
            return published == at ? null
                : throw DomainException.Precondition("feedback_id",
                    $"kết quả giải quyết phản ánh, kiến nghị {current.FeedbackId} đã được công khai lúc {DossierRules.Format(published)}");
        }
        if (current.ResolvedAt is not { } resolved)
        {
            throw DomainException.Precondition("feedback_id",
                $"phản ánh, kiến nghị {current.FeedbackId} chưa được giải quyết nên chưa thể công khai kết quả");
        }
        if (at < resolved)
        {
            throw DomainException.Invalid("at", Messages.PublishedBeforeResolved);
        }
        return current with { PublishedAt = at };
    }
}
