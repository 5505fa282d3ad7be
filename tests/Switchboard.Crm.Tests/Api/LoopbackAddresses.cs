using System.Net;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// Addresses of the loopback network other than 127.0.0.1, so that a test's failed logins come
/// from an address of their own and never lock out the address the other tests sign in from.
/// </summary>
internal static class LoopbackAddresses
{
    private static int _last = 1;

    public static IPAddress Next()
    {
        var n = Interlocked.Increment(ref _last);
        return new IPAddress([127, 0, (byte)(n / 250), (byte)(2 + (n % 250))]);
    }
}
