namespace Switchboard.WebPhone.Tests.Infrastructure;

/// <summary>One rig for every test that needs it: starting Kamailio and rtpengine takes about a second, and the classes run one at a time anyway.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSipRig : ICollectionFixture<SipRig>
{
    public const string Name = "SIP rig";
}
