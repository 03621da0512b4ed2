using System.Globalization;
using System.Text;

namespace Cchc.ServiceKit;

/// <summary>
/// The text rules every string of a request obeys (docs/api-guide.md, "Input rules"): well-formed Unicode without
/// lone surrogates, noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, the last two of every plane) or U+FFFD (the mark of
/// bytes that were not UTF-8); no NUL and no control character (C0, DEL, C1) except line breaks and tabs in multi-line
/// free text; Unicode NFC. One implementation for the input guard, the validator and the security layer.
/// </summary>
public static class InputText
{
    /// <summary>
    /// The first rule <paramref name="value"/> breaks, as a Vietnamese description of the field's fault, or null when
    /// it is well-formed. <paramref name="multiLine"/> admits CR, LF and TAB (free text such as notes); a one-line
    /// text refuses them, and the Unicode line and paragraph separators, too.
    /// </summary>
    public static string? Problem(string value, bool multiLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    return KitMessages.Noncharacter(codePoint);
                }
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return KitMessages.LoneSurrogate;
            }
            switch (c)
            {
                case '\0':
                    return KitMessages.Nul;
                case '\n' or '\r' or '\t' or '\u2028' or '\u2029':
                    if (!multiLine)
                    {
                        return KitMessages.LineBreak;
                    }
                    continue;
                case < ' ' or (>= '\u007F' and <= '\u009F'):
                    return KitMessages.ControlCharacter(c);
                case '\uFFFD':
                    return KitMessages.NotUtf8;
                case (>= '\uFDD0' and <= '\uFDEF') or '\uFFFE' or '\uFFFF':
                    return KitMessages.Noncharacter(c);
            }
        }
        return null;
    }

    /// <summary>The NFC form of a well-formed text (<see cref="Problem"/> null); the text itself when it already is.</summary>
    public static string Normalize(string value) =>
        IsAscii(value) || value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);

    /// <summary>"U+0007": a character as the descriptions name it.</summary>
    public static string Name(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);

    private static bool IsAscii(string value) => Ascii.IsValid(value);
}
