using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Rig;

namespace Switchboard.WebPhoneBench.Rounds;

/// <summary>
/// The measured panel: agent1's, whose web phone registers as line 101 on the rig, in one tab with
/// the marks' init script (<see cref="Probes.WebPhoneMarks"/>). Every round runs on it in turn.
/// </summary>
internal sealed record BenchPage(SipRig Rig, WebPhoneServer Server, IPage Tab, BenchOptions Options, TextWriter Progress)
{
    /// <summary>How long any one step may take before the run fails: generous, as the machine may be busy. Never a measurement.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public const string Login = Demo.AgentA;

    public const string Line = Demo.LineA;

    /// <summary>Reloads the tab as a person does; its web phone unregisters on the way out.</summary>
    public async Task ReloadAsync() => await Tab.ReloadAsync();

    /// <summary>The screen-reader status that says the panel is connected (to the hub, or through the registered phone).</summary>
    public ILocator ConnectedStatus => Tab.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Connected" }).First;

    public void Say(string line) => Progress.WriteLine(line);
}
