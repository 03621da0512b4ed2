using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Cchc.ServiceKit.Hosting.Republishing;

/// <summary>
/// Reading a table in pages of <see cref="Size"/> rows for a republisher: by keyset on a unique key (each page starts after
/// the previous page's last key, so the 884,020 demo dossiers cost one index range scan per page), or by offset for small
/// tables with a composite key. Every page is read untracked and completely before it is returned.
/// </summary>
public static class FactPages
{
    /// <summary>Records per page, as the bulk imports put in one event.</summary>
    public const int Size = 1_000;

    /// <summary>Pages of <paramref name="query"/> in the order of its unique text key.</summary>
    public static IAsyncEnumerable<List<T>> ByKeyAsync<T>(IQueryable<T> query, Expression<Func<T, string>> key, CancellationToken cancellationToken)
        where T : class =>
        ByKeyAsync(query, key, (k, last) => Expression.GreaterThan(
            Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, k, last), Expression.Constant(0)),
            cancellationToken);

    /// <summary>Pages of <paramref name="query"/> in the order of its unique numeric key.</summary>
    public static IAsyncEnumerable<List<T>> ByKeyAsync<T>(IQueryable<T> query, Expression<Func<T, long>> key, CancellationToken cancellationToken)
        where T : class =>
        ByKeyAsync(query, key, Expression.GreaterThan, cancellationToken);

    /// <summary>Pages of a small table by offset, in an order that must be total (its whole key).</summary>
    public static async IAsyncEnumerable<List<T>> ByOffsetAsync<T>(IOrderedQueryable<T> query, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        for (var skip = 0; ; skip += Size)
        {
            var page = await query.AsNoTracking().Skip(skip).Take(Size).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (page.Count > 0)
            {
                yield return page;
            }
            if (page.Count < Size)
            {
                yield break;
            }
        }
    }

    private static async IAsyncEnumerable<List<T>> ByKeyAsync<T, TKey>(IQueryable<T> query, Expression<Func<T, TKey>> key,
        Func<Expression, Expression, Expression> greater, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var compiled = key.Compile();
        // The last key is read through a field of this holder: EF Core makes it a parameter, so every page runs the same plan.
        var after = new After<TKey>();
        var afterFilter = Expression.Lambda<Func<T, bool>>(
            greater(key.Body, Expression.Field(Expression.Constant(after), nameof(After<TKey>.Value))), key.Parameters);
        var first = true;
        while (true)
        {
            var source = first ? query : query.Where(afterFilter);
            var page = await source.AsNoTracking().OrderBy(key).Take(Size).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (page.Count > 0)
            {
                yield return page;
            }
            if (page.Count < Size)
            {
                yield break;
            }
            after.Value = compiled(page[^1]);
            first = false;
        }
    }

    private sealed class After<TKey>
    {
        public TKey? Value; // a field, so the expression reads it as a query parameter
    }
}
