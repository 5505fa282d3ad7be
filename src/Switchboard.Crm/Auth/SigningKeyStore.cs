using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Crm.Auth;

/// <summary>
/// Provides the token signing key: the configured one, or one generated once and kept in a file
/// readable only by its owner. The key never reaches a log or an exception message.
/// </summary>
internal sealed partial class SigningKeyStore
{
    public const int MinimumKeyBytes = 32;
    private const int GeneratedKeyBytes = 64;

    private readonly AuthOptions _options;
    private readonly ILogger<SigningKeyStore> _logger;
    private readonly Lazy<SymmetricSecurityKey> _key;

    public SigningKeyStore(IOptions<AuthOptions> options, ILogger<SigningKeyStore> logger)
    {
        _options = options.Value;
        _logger = logger;
        _key = new Lazy<SymmetricSecurityKey>(() => new SymmetricSecurityKey(Load()));
    }

    public SymmetricSecurityKey Key => _key.Value;

    private byte[] Load()
    {
        if (!string.IsNullOrWhiteSpace(_options.SigningKey))
        {
            return Decode(_options.SigningKey, "Auth:SigningKey");
        }

        var path = Path.GetFullPath(_options.SigningKeyFile);
        return File.Exists(path) ? Decode(File.ReadAllText(path), path) : Generate(path);
    }

    private byte[] Generate(string path)
    {
        var key = RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, fileOptions))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        try
        {
            // Moving a complete file into place means a second process never reads half a key.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made the key first; use that one so both sign alike.
            File.Delete(temporary);
            return Decode(File.ReadAllText(path), path);
        }

        Log.KeyGenerated(_logger, path);
        return key;
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The token signing key from {source} is not valid base64.", e);
        }

        return key.Length >= MinimumKeyBytes
            ? key
            : throw new InvalidOperationException($"The token signing key from {source} is shorter than {MinimumKeyBytes} bytes.");
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Generated a token signing key and kept it in {Path}")]
        public static partial void KeyGenerated(ILogger logger, string path);
    }
}
