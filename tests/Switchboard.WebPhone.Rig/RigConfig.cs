using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.WebPhone.Rig;

/// <summary>A SIP user of the rig: registers as <c>sip:{Name}@{domain}</c> with this password.</summary>
public sealed record SipUser(string Name, string Password);

/// <summary>
/// Writes the rig's configuration into its folder: Rig/kamailio.cfg and Rig/rtpengine.conf with their
/// <c>@...@</c> placeholders filled in, and users.cfg, Kamailio's table of SIP users and passwords.
/// </summary>
public static partial class RigConfig
{
    public const string Domain = "webphone.test";

    public static string TemplateFolder => Path.Combine(AppContext.BaseDirectory, "Rig");

    public static string ScenarioFolder => Path.Combine(TemplateFolder, "Scenarios");

    public static void Write(string folder, RigPorts ports, IReadOnlyList<SipUser> users)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var values = new Dictionary<string, string>
        {
            ["DOMAIN"] = Domain,
            ["SIP_PORT"] = Number(ports.Sip),
            ["WS_PORT"] = Number(ports.WebSocket),
            ["NG_PORT"] = Number(ports.Ng),
            ["TRUNK_PORT"] = Number(ports.Trunk),
            ["RTP_PORT_MIN"] = Number(ports.RtpMin),
            ["RTP_PORT_MAX"] = Number(ports.RtpMax),
            ["DTMF_LOG_PORT"] = Number(ports.DtmfLog),
        };
        File.WriteAllText(Path.Combine(folder, "kamailio.cfg"), Fill(File.ReadAllText(Path.Combine(TemplateFolder, "kamailio.cfg")), values));
        File.WriteAllText(Path.Combine(folder, "rtpengine.conf"), Fill(File.ReadAllText(Path.Combine(TemplateFolder, "rtpengine.conf")), values));
        File.WriteAllText(Path.Combine(folder, "users.cfg"), UsersRoute(users));
    }

    /// <summary>Kamailio's route[PASSWORD]: the password of the auth user <c>$au</c>, "" for anyone else.</summary>
    public static string UsersRoute(IReadOnlyList<SipUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var route = new StringBuilder("# Written by the tests: the rig's SIP users and their passwords.\nroute[PASSWORD] {\n\t$var(password) = \"\";\n");
        foreach (var user in users)
        {
            if (!UserName().IsMatch(user.Name) || !Password().IsMatch(user.Password))
            {
                throw new ArgumentException($"SIP user '{user.Name}': a name of letters, digits . _ - and a password without quotes, backslashes or control characters.", nameof(users));
            }

            route.Append(CultureInfo.InvariantCulture, $"\tif ($au == \"{user.Name}\") {{ $var(password) = \"{user.Password}\"; }}\n");
        }

        return route.Append("}\n").ToString();
    }

    private static string Fill(string template, Dictionary<string, string> values)
    {
        var filled = Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The rig's template names {m.Value}, which has no value."));
        return filled;
    }

    private static string Number(int port) => port.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("@([A-Z_]+)@")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex UserName();

    [GeneratedRegex("^[^\"\\\\\\p{Cc}]{1,128}$")]
    private static partial Regex Password();
}
