using System.Globalization;
using System.Text;

namespace Cchc.Security.Audit;

/// <summary>
/// What an audit entry may hold of a caller's input: a refused call is audited whatever it carried (a NUL, a lone
/// surrogate, a 10 MB unit name), so every text field of an entry is stored as a safe representation — each character
/// PostgreSQL or a reader could choke on (NUL and other control characters, surrogates without their pair,
/// noncharacters, U+FFFD) written as "\uXXXX", and the whole cut to <see cref="MaxLength"/> characters with "…" at the cut.
/// Well-formed input up to that length is stored as it came.
/// </summary>
public static class AuditText
{
    /// <summary>The longest text an audit entry field holds.</summary>
    public const int MaxLength = 200;

    public static string? Safe(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var safe = new StringBuilder(Math.Min(value.Length, MaxLength) + 8);
        var i = 0;
        for (; i < value.Length && safe.Length <= MaxLength; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                safe.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || c is '\uFFFD' or '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF'))
            {
                safe.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                safe.Append(c);
            }
        }
        if (i == value.Length && safe.Length <= MaxLength)
        {
            return safe.ToString();
        }
        var length = Math.Min(safe.Length, MaxLength - 1);
        if (char.IsHighSurrogate(safe[length - 1]))
        {
            length--;
        }
        return safe.ToString(0, length) + "…";
    }
}
