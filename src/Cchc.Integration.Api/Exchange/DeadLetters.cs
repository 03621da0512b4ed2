using System.Text.Json.Nodes;
using Cchc.Integration.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Integration.Api.Exchange;

/// <summary>
/// Outbound messages that could not be delivered after their retries, kept to be sent again (by an operator's
/// <c>ReplayDeadLetter</c>, once the other side is back). A replay that is delivered marks the letter delivered.
/// </summary>
public sealed class DeadLetters(IntegrationDbContext db, NationalExchange national, TimeProvider clock)
{
    public async Task<DeadLetterEntity> AddAsync(string operation, string target, JsonObject body, string error, int attempts, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var letter = new DeadLetterEntity
        {
            Id = Guid.NewGuid(), Operation = operation, Target = target, Payload = body.ToJsonString(), FirstFailedAt = now, LastAttemptAt = now,
            Attempts = attempts, LastError = error,
        };
        db.DeadLetters.Add(letter);
        await db.SaveChangesAsync(ct);
        return letter;
    }

    /// <summary>Sends the letter again; returns it updated (delivered, or with the new error). Null when there is no such letter.</summary>
    public async Task<(DeadLetterEntity? Letter, System.Text.Json.JsonElement? Answer)> ReplayAsync(Guid id, CancellationToken ct)
    {
        var letter = await db.DeadLetters.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null || letter.DeliveredAt is not null)
        {
            return (letter, null);
        }
        System.Text.Json.JsonElement? answer = null;
        letter.Attempts++;
        letter.LastAttemptAt = clock.GetUtcNow();
        try
        {
            answer = await national.CallAsync(letter.Operation, JsonNode.Parse(letter.Payload)!.AsObject(), ct);
            letter.DeliveredAt = clock.GetUtcNow();
            if (letter.Target.StartsWith("report:", StringComparison.Ordinal)
                && await db.ReportSubmissions.SingleOrDefaultAsync(s => s.Period == letter.Target.Substring("report:".Length), ct) is { } submission
                && answer.Value.GetProperty("error_code").GetInt32() == 0)
            {
                // The report's receipt, as if the submission's own attempt had been acknowledged.
                submission.Status = "acknowledged";
                submission.Receipt = answer.Value.GetProperty("result").GetProperty("maBienNhan").GetString();
                submission.AcknowledgedAt = letter.DeliveredAt;
            }
        }
        catch (ExchangeFailedException e)
        {
            letter.LastError = e.Message;
        }
        await db.SaveChangesAsync(ct);
        return (letter, answer);
    }
}
