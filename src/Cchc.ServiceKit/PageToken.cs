using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Cchc.ServiceKit;

/// <summary>
/// Opaque page tokens for keyset paging: the last key of the previous page, bound to the request's filters
/// (a token from one query is refused by another, instead of silently skipping rows).
/// </summary>
public static class PageToken
{
    private const int TagLength = 8;

    public static string Encode(string lastKey, string fingerprint)
    {
        var key = Encoding.UTF8.GetBytes(lastKey);
        var bytes = new byte[TagLength + key.Length];
        Tag(fingerprint).CopyTo(bytes, 0);
        key.CopyTo(bytes, TagLength);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Null for an empty token (first page); adds a page_token violation for a bad one.</summary>
    public static string? Decode(string? token, string fingerprint, Validator validator)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var bytes = Base64Url.DecodeFromChars(token);
            if (bytes.Length > TagLength && bytes.AsSpan(0, TagLength).SequenceEqual(Tag(fingerprint)))
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, TagLength, bytes.Length - TagLength);
            }
        }
        catch (FormatException)
        {
        }
        catch (ArgumentException)
        {
        }
        validator.Add("page_token", KitMessages.PageToken);
        return null;
    }

    private static byte[] Tag(string fingerprint) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint))[..TagLength];
}
