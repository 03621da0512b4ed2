using System.Globalization;
using System.Text;

namespace Cchc.Cli.Spreadsheets;

/// <summary>
/// The comparison key of a header or a choice as people type it: without diacritics (đ → d), lower case, anything
/// in parentheses or after a line break dropped ("Ngày tiếp nhận (dd/mm/yyyy)" → "ngay tiep nhan"), punctuation and
/// runs of spaces as one space. "Ngày tiếp nhận", "NGAY TIEP NHAN" and "ngay  tiep-nhan *" have the same key.
/// </summary>
internal static class TextKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var depth = 0;
        var space = false;
        foreach (var c in decomposed)
        {
            if (c is '(' or '[')
            {
                depth++;
                continue;
            }
            if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
                space = true;
                continue;
            }
            if (depth > 0 || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                space = false;
                builder.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>Column letters of a 0-based column index: 0 → A, 26 → AA.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }
        return letters;
    }
}
