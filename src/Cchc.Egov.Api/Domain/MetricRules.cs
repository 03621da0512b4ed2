using Cchc.Contracts.Events.Egov;
using Cchc.ServiceKit;

namespace Cchc.Egov.Api.Domain;

/// <summary>A submission's key and value, as stored or as submitted.</summary>
public sealed record MetricFigure(MetricKey Key, long Value);

/// <summary>
/// The rules that tie submissions together, checked on what the store will hold after the write (the stored figures of
/// the same source systems and units, replaced by the incoming ones):
/// a flow's periods must not overlap within one series (source, unit, metric), or summing them would count twice;
/// a numerator (civil servants with a mailbox, documents exchanged electronically) must not exceed its denominator for
/// the same source, unit and period (a rate over 100%). A rule broken against a stored figure is FAILED_PRECONDITION,
/// one broken within the request is INVALID_ARGUMENT; each names the incoming record's field.
/// </summary>
public static class MetricRules
{
    public static void Check(IReadOnlyList<(MetricCommand Command, string Prefix)> incoming, IReadOnlyCollection<MetricFigure> stored)
    {
        var incomingKeys = incoming.Select(i => i.Command.Key).ToHashSet();
        var after = stored.Where(s => !incomingKeys.Contains(s.Key)).ToDictionary(s => s.Key, s => (s.Value, Stored: true));
        foreach (var (command, _) in incoming)
        {
            after[command.Key] = (command.Value, false);
        }
        var violations = new List<FieldViolation>();
        var againstStored = false;
        foreach (var (command, prefix) in incoming)
        {
            var key = command.Key;
            if (!EgovMetrics.IsStock(key.Metric))
            {
                foreach (var (other, held) in after)
                {
                    if (other != key && other.SameSeries(key) && other.Overlaps(key))
                    {
                        violations.Add(new FieldViolation(prefix + "period_from",
                            EgovMessages.OverlappingPeriod(IsoDate.Format(other.PeriodFrom), IsoDate.Format(other.PeriodTo))));
                        againstStored |= held.Stored;
                        break;
                    }
                }
            }
            if (EgovMetrics.DenominatorOf(key.Metric) is { } denominator
                && after.TryGetValue(key with { Metric = denominator }, out var limit) && command.Value > limit.Value)
            {
                violations.Add(new FieldViolation(prefix + "value", EgovMessages.AboveDenominator(key.Metric, command.Value, denominator, limit.Value)));
                againstStored |= limit.Stored;
            }
            if (EgovMetrics.NumeratorOf(key.Metric) is { } numerator
                && after.TryGetValue(key with { Metric = numerator }, out var part) && command.Value < part.Value)
            {
                violations.Add(new FieldViolation(prefix + "value", EgovMessages.BelowNumerator(key.Metric, command.Value, numerator, part.Value)));
                againstStored |= part.Stored;
            }
        }
        if (violations.Count > 0)
        {
            throw againstStored
                ? new DomainException(ErrorKind.FailedPrecondition, string.Join("; ", violations), violations)
                : DomainException.Invalid(violations);
        }
    }
}
