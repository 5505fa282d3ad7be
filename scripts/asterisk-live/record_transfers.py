"""Attended-transfer scenarios for the reference Asterisk's AMI recorder (shared/tools/refpbx/record).

Run against a started refpbx (shared/tools/refpbx/start-asterisk22.sh):

    REFPBX=/work/shared/tools/refpbx python3 scripts/asterisk-live/record_transfers.py --register --out /tmp/rec

It writes NN-name.ami + NN-name.md exactly as the recorder does for its own scenarios; the results are
committed in tests/fixtures/asterisk-ami/asterisk22-transfers/.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.environ.get("REFPBX", "/work/shared/tools/refpbx"), "record"))

import recorder  # noqa: E402
import scenarios_wave2  # noqa: E402
from recorder import ev  # noqa: E402
from sipp_xml import phone_uas  # noqa: E402

CALLER = scenarios_wave2.CALLER


def _consult(r, talk):
    """101 answers the trunk's call, then AMI Atxfer to 102, which answers after 1 s."""
    r.ua("p102", "phone 102: answers after 1 s ringing, sends RTP, waits for BYE", phone_uas("102", r.silence, 1000))
    t, caller, agent = scenarios_wave2._inbound(r, talk=talk)
    r.sleep(1.5)
    m0 = r.mark()
    r.action([("Action", "Atxfer"), ("Channel", agent), ("Exten", "102"), ("Context", "from-internal")])
    r.wait(ev("VarSet", Variable="ATTENDEDTRANSFER"), 10, note="the Local channel of the transfer gets ATTENDEDTRANSFER", start=m0)
    target = r.wait(ev("BridgeEnter", Channel="PJSIP/102-*"), 15, note="102 answered the consultation", start=m0)
    r.sleep(3)
    return t, caller, agent, target.get("Channel") if target else None


def s_atxfer_completed(r):
    t, caller, agent, target = _consult(r, talk=24)
    m0 = r.mark()
    r.action([("Action", "Hangup"), ("Channel", agent), ("Cause", "16")])
    r.wait(ev("AttendedTransfer"), 10, note="the transferer left: AttendedTransfer", start=m0)
    r.wait_ua(t, 40)
    if target:
        r.wait(ev("Hangup", Channel=target), 10, note="the caller hung up on 102: call over")
    r.wait_ua("p101-1", 10)
    r.wait_ua("p102-0", 10)
    r.sleep(1)


def s_atxfer_cancelled(r):
    t, caller, agent, target = _consult(r, talk=20)
    m0 = r.mark()
    r.action([("Action", "CancelAtxfer"), ("Channel", agent)])
    if target:
        r.wait(ev("Hangup", Channel=target), 10, note="102's consultation leg hung up", start=m0)
    r.wait_ua(t, 40)
    r.wait(ev("Hangup", Channel=agent), 10, note="the caller hung up on 101: call over")
    r.wait_ua("p101-1", 10)
    r.wait_ua("p102-0", 10)
    r.sleep(1)


def s_atxfer_threeway(r):
    t, caller, agent, target = _consult(r, talk=20)
    m0 = r.mark()
    # The atxferthreeway code (*5 here) as if the agent's phone sent it: what a panel's "conference" could do.
    for digit in "*5":
        r.action([("Action", "PlayDTMF"), ("Channel", agent), ("Digit", digit), ("Receive", "true")])
        r.sleep(0.3)
    r.wait(ev("AttendedTransfer"), 10, note="the three parties joined: AttendedTransfer (Threeway)", start=m0)
    r.sleep(3)
    m0 = r.mark()
    r.action([("Action", "Hangup"), ("Channel", agent), ("Cause", "16")])
    r.wait(ev("Hangup", Channel=agent), 10, note="the agent left the three-way call", start=m0)
    r.wait_ua(t, 40)
    if target:
        r.wait(ev("Hangup", Channel=target), 10, note="the caller hung up: 102's leg ends too")
    r.wait_ua("p101-1", 10)
    r.wait_ua("p102-0", 10)
    r.sleep(1)


COMMON = (f"Caller {CALLER} on the trunk (127.0.0.1:5170) calls DID 101; phone 101 answers after 1.5 s. 1.5 s after the "
          "answer AMI `Atxfer` (Channel = the agent's channel, Exten 102, Context from-internal) starts a consultation: "
          "Asterisk holds the caller (music) and dials 102 through a Local channel pair; phone 102 answers after 1 s. "
          "features.conf has `atxfer = *2`, `atxferabort = *3`, `atxfercomplete = *4`; agents are dialled with `Dial(...,tT)`. ")

SCENARIOS = [
    dict(name="22-attended-transfer-threeway", run=s_atxfer_threeway,
         title="Scenario 22: attended transfer by AMI Atxfer turned into a three-way call with the atxferthreeway code",
         what=COMMON + "3 s into the consultation AMI `PlayDTMF` (Receive: true) of `*` and `5` on the agent's channel, "
              "features.conf's `atxferthreeway`, joins the caller, 101 and 102 in one call; 3 s later AMI `Hangup` of "
              "101's channel; the caller and 102 talk on until the caller hangs up 20 s after its answer.",
         key_events=["VarSet", "LocalBridge", "AttendedTransfer", "BridgeEnter", "BridgeLeave", ev("Hangup", Channel="Local/*")],
         observed="See the key events: the AttendedTransfer with DestType Threeway, and which bridge the three parties end up in."),
    dict(name="21-attended-transfer-completed", run=s_atxfer_completed,
         title="Scenario 21: attended transfer by AMI Atxfer, completed by hanging up the transferer",
         what=COMMON + "3 s into the consultation AMI `Hangup` of the agent's channel completes the transfer: the caller "
              "talks with 102 until it hangs up 24 s after its answer. All SIP parties send PCMU silence every 20 ms.",
         key_events=["VarSet", "LocalBridge", "AttendedTransfer", ev("Newchannel", Channel="Local/*")],
         observed="See the key events: the Local pair, the VarSets of TRANSFERERNAME / ATTENDEDTRANSFER on each half "
                  "and their order relative to LocalBridge, and the AttendedTransfer event."),
    dict(name="21b-attended-transfer-cancelled", run=s_atxfer_cancelled,
         title="Scenario 21b: attended transfer by AMI Atxfer, cancelled by AMI CancelAtxfer",
         what=COMMON + "3 s into the consultation AMI `CancelAtxfer` (Channel = the agent's channel) cancels it: 102's leg "
              "is hung up and 101 is back with the caller, who hangs up 20 s after its answer.",
         key_events=["VarSet", "LocalBridge", "AttendedTransfer", ev("Newchannel", Channel="Local/*"), ev("Hangup", Channel="Local/*")],
         observed="See the key events."),
]

if __name__ == "__main__":
    scenarios_wave2.SCENARIOS[:] = SCENARIOS
    recorder.main()
