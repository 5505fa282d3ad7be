namespace Switchboard.Crm.Data;

/// <summary>How a web phone sends the keys pressed during a call.</summary>
public enum DtmfTransport
{
    /// <summary>RFC 4733 telephone-events in the media: what PBXs expect by default.</summary>
    Rfc4733,

    /// <summary>SIP INFO requests (application/dtmf-relay), for servers that read keys from signalling.</summary>
    Info,
}
