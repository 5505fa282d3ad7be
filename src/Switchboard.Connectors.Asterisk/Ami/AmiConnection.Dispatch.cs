using System.Text;
using Switchboard.Connectors.Asterisk.Ami.Internal;

namespace Switchboard.Connectors.Asterisk.Ami;

// Where each frame goes. Runs on the session's read loop, one frame at a time, in the order received.
public sealed partial class AmiConnection
{
    internal void Dispatch(AmiSession session, AmiFrameReader frame)
    {
        if (session.IsBroken)
        {
            return;
        }

        switch (frame.Kind)
        {
            case AmiMessageKind.Event:
                DispatchEvent(session, frame);
                break;
            case AmiMessageKind.Response:
                DispatchResponse(session, frame);
                break;
            default:
                // Rare: read it whole, so that garbage is counted as malformed and a well-formed oddity is named.
                if (frame.TryCreateMessage(out _))
                {
                    LogUnclassifiedFrame(frame.Frame.Length, Interlocked.Increment(ref _unclassifiedFrames));
                }

                break;
        }
    }

    // The hot path: an event nobody asked for and that answers nothing is dropped here, before any allocation
    // (the reader has already applied the filter, conditions included, while it scanned the frame).
    private void DispatchEvent(AmiSession session, AmiFrameReader frame)
    {
        PendingAction? entry = null;
        if (frame.HasActionId && _pending.TryGet(frame.ActionId, out var found) && found.Session == session)
        {
            entry = found;
        }

        if (entry is null && !frame.EventWanted)
        {
            return;
        }

        if (!frame.TryCreateMessage(out var message))
        {
            return;
        }

        RawFrameObserver?.Invoke(frame.GetFrameText());
        if (entry is not null && entry.OnEvent(message))
        {
            return;
        }

        _events.Writer.TryWrite(message);
    }

    private void DispatchResponse(AmiSession session, AmiFrameReader frame)
    {
        if (frame.HasActionId && _pending.TryGet(frame.ActionId, out var entry) && entry.Session == session)
        {
            if (frame.TryCreateMessage(out var message))
            {
                RawFrameObserver?.Invoke(frame.GetFrameText());
                entry.OnResponse(message);
            }

            return;
        }

        // An answer after its action timed out, or to an action this connection did not send.
        LogUnmatchedResponse(frame.HasActionId ? Encoding.UTF8.GetString(frame.ActionId) : "(none)");
    }
}
