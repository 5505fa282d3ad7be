using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami.Internal;

/// <summary>The two ways to log in (manager.c, action_login / action_challenge).</summary>
internal static class AmiLogin
{
    public static AmiAction Plain(string username, string secret) =>
        new AmiAction("Login").Add("Username", username).Add("Secret", secret);

    public static AmiAction Challenge() => new AmiAction("Challenge").Add("AuthType", "MD5");

    public static AmiAction Md5(string username, string challenge, string secret) =>
        new AmiAction("Login").Add("AuthType", "MD5").Add("Username", username).Add("Key", Md5Key(challenge, secret));

    /// <summary>The key Asterisk expects: lowercase hex of md5(challenge + secret).</summary>
    public static string Md5Key(string challenge, string secret)
    {
        // MD5 is what the AMI challenge protocol specifies; it is not our choice of hash.
#pragma warning disable CA5351
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(challenge + secret));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }
}
