using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cchc.ServiceKit;

/// <summary>
/// Concurrent writers of the same id meet at the database (primary key, version column). The loser reads the
/// new state and decides again: usually it then finds its own request already recorded (a retry) or a rule
/// that now refuses it.
/// </summary>
public static class ConflictRetry
{
    private const int Attempts = 3;

    public static async Task<T> WriteAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> decideAndSave, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await decideAndSave(cancellationToken);
            }
            catch (DbUpdateException ex) when (IsConflict(ex))
            {
                db.ChangeTracker.Clear();
                if (attempt == Attempts)
                {
                    throw DomainException.Aborted("ghi đồng thời cùng một bản ghi; vui lòng thử lại");
                }
            }
        }
    }

    public static bool IsConflict(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
