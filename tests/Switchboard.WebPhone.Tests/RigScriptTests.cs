using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Switchboard.WebPhone.Tests.Infrastructure;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// scripts/webphone-rig.sh, the README's way to start the rig by hand: it starts on the ports it is
/// given, prints the password, and a phone registers with it.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed partial class RigScriptTests(SipRig rig) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("webphone-rig-script-").FullName;

    [Fact]
    public async Task The_script_starts_a_rig_where_a_phone_registers_with_the_password_it_prints()
    {
        var script = Path.Combine(SipRig.RepositoryRoot(), "scripts", "webphone-rig.sh");
        var ports = RigPorts.Choose();
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["TMPDIR"] = _temp;
        start.Environment["WEBPHONE_RIG_SIP_PORT"] = Number(ports.Sip);
        start.Environment["WEBPHONE_RIG_WS_PORT"] = Number(ports.WebSocket);
        start.Environment["WEBPHONE_RIG_NG_PORT"] = Number(ports.Ng);
        start.Environment["WEBPHONE_RIG_TRUNK_PORT"] = Number(ports.Trunk);
        start.Environment["WEBPHONE_RIG_RTP_PORTS"] = $"{ports.RtpMin}-{ports.RtpMax}";
        using var process = Process.Start(start)!;
        try
        {
            string? password = null;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                if (PasswordLine().Match(line) is { Success: true } match)
                {
                    password = match.Groups[1].Value;
                }

                if (line.StartsWith("Ctrl+C", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.NotNull(password);
            await using var phone = await SippRun.StartAsync(
                rig,
                "register.xml",
                new SippOptions { Service = "101", Credentials = new SipUser("101", password), ProxyPort = ports.Sip });
            Assert.True(await phone.SucceedsAsync(), phone.Report());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Number(int port) => port.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*password\s+(\S+)")]
    private static partial Regex PasswordLine();
}
