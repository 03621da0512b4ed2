namespace Cchc.ServiceKit;

/// <summary>Names the record of a stream in a refusal that was raised for the record alone.</summary>
public static class DomainExceptionPrefix
{
    /// <summary>
    /// The same refusal with every field (and the message) prefixed by <paramref name="prefix"/>, e.g. "records[999].":
    /// a rule checked on one record of an import names the record in the stream.
    /// </summary>
    public static DomainException WithFieldPrefix(this DomainException ex, string prefix)
    {
        ArgumentNullException.ThrowIfNull(ex);
        if (ex.Violations.Count == 0)
        {
            return new DomainException(ex.Kind, $"{prefix.TrimEnd('.')}: {ex.Message}", []);
        }
        var violations = ex.Violations.Select(v => v with { Field = prefix + v.Field }).ToList();
        return new DomainException(ex.Kind, string.Join("; ", violations.Select(v => v.ToString())), violations);
    }
}
