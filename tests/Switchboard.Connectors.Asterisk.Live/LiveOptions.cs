namespace Switchboard.Connectors.Asterisk.Live;

/// <summary>
/// Where the smoke runs: the Switchboard server (on the Asterisk connector, with the demo people), the
/// Asterisk's SIP address, and the SIP parties as the reference Asterisk (shared/tools/refpbx) has them.
/// Every value can be given as <c>--name value</c> or as the environment variable <c>SMOKE_NAME</c>.
/// </summary>
internal sealed record LiveOptions(
    Uri Server,
    string AsteriskSip,
    string WorkFolder,
    IReadOnlyDictionary<string, (int Port, string Password)> Phones,
    int TrunkPort,
    int CarrierPort,
    Ami.AmiOptions Ami)
{
    public static LiveOptions From(string[] args)
    {
        string Get(string name, string fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length
                ? args[index + 1]
                : Environment.GetEnvironmentVariable("SMOKE_" + name.Replace('-', '_').ToUpperInvariant()) ?? fallback;
        }

        return new LiveOptions(
            new Uri(Get("server", "http://127.0.0.1:5000")),
            Get("asterisk-sip", "127.0.0.1:5160"),
            Get("work", Path.Combine(Path.GetTempPath(), "switchboard-asterisk-smoke")),
            new Dictionary<string, (int, string)>
            {
                ["101"] = (int.Parse(Get("port-101", "5161"), System.Globalization.CultureInfo.InvariantCulture), Get("password-101", "pw101")),
                ["102"] = (int.Parse(Get("port-102", "5162"), System.Globalization.CultureInfo.InvariantCulture), Get("password-102", "pw102")),
                ["103"] = (int.Parse(Get("port-103", "5163"), System.Globalization.CultureInfo.InvariantCulture), Get("password-103", "pw103")),
            },
            int.Parse(Get("trunk-port", "5170"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("carrier-port", "5180"), System.Globalization.CultureInfo.InvariantCulture),
            new Ami.AmiOptions
            {
                Host = Get("ami-host", "127.0.0.1"),
                Port = int.Parse(Get("ami-port", "5039"), System.Globalization.CultureInfo.InvariantCulture),
                Username = Get("ami-user", "cti"),
                Secret = Get("ami-secret", "ctisecret"),
            });
    }
}
