using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Cchc.Identity.Keys;

/// <summary>
/// The token service's keys, generated at the first start into <c>Identity:KeysPath</c> (folder mode 0700, files 0600)
/// and read back at every later start, so tokens issued before a restart still validate after it:
/// <c>signing-key.pem</c> (RSA 2048, PKCS#8; signs access tokens with RS256, published at /.well-known/jwks with its
/// RFC 7638 thumbprint as <c>kid</c>) and <c>encryption-key.txt</c> (AES-256, base64; OpenIddict requires an encryption
/// key for its own tokens even though access tokens are not encrypted).
/// </summary>
public sealed class KeyFiles
{
    public const string SigningKeyFile = "signing-key.pem";
    public const string EncryptionKeyFile = "encryption-key.txt";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private KeyFiles(RsaSecurityKey signingKey, SymmetricSecurityKey encryptionKey, bool created)
    {
        SigningKey = signingKey;
        EncryptionKey = encryptionKey;
        Created = created;
    }

    public RsaSecurityKey SigningKey { get; }

    public SymmetricSecurityKey EncryptionKey { get; }

    /// <summary>True when this call generated at least one of the keys (first start).</summary>
    public bool Created { get; }

    public static KeyFiles LoadOrCreate(string folder)
    {
        CreateFolder(folder);
        var signingCreated = LoadOrCreateText(Path.Combine(folder, SigningKeyFile), () =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKeyPem();
        }, out var pem);
        var encryptionCreated = LoadOrCreateText(Path.Combine(folder, EncryptionKeyFile),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), out var encryptionText);

        var rsaKey = RSA.Create();
        rsaKey.ImportFromPem(pem);
        var signing = new RsaSecurityKey(rsaKey);
        signing.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(signing).ComputeJwkThumbprint());

        var encryptionBytes = Convert.FromBase64String(encryptionText.Trim());
        if (encryptionBytes.Length != 32)
        {
            throw new InvalidOperationException($"{Path.Combine(folder, EncryptionKeyFile)} must hold 32 bytes (base64); it holds {encryptionBytes.Length}.");
        }
        var encryption = new SymmetricSecurityKey(encryptionBytes);
        return new KeyFiles(signing, encryption, signingCreated || encryptionCreated);
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }

    /// <summary>Reads the file, or creates it exclusively (two instances starting at once agree on one key).</summary>
    private static bool LoadOrCreateText(string path, Func<string> generate, out string text)
    {
        if (!File.Exists(path))
        {
            var content = generate();
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = OwnerOnlyFile;
                }
                using (var stream = new FileStream(path, options))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(content);
                    writer.Flush();
                    stream.Flush(flushToDisk: true);
                }
                text = content;
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first: use theirs.
            }
        }
        text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException($"The key file {path} is empty: delete it to generate a new key (tokens issued with the old one stop validating).");
        }
        return false;
    }
}
