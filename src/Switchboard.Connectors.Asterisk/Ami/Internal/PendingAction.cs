namespace Switchboard.Connectors.Asterisk.Ami.Internal;

/// <summary>
/// One action waiting for its answer. A plain action completes with its response. A list action completes
/// when its list ends: <c>Response: Success</c> (with <c>EventList: start</c>), events carrying its ActionID,
/// then the event with <c>EventList: Complete</c>; an error response ends it at once.
/// <see cref="OnResponse"/> and <see cref="OnEvent"/> are called by the session's read loop only.
/// </summary>
internal sealed class PendingAction
{
    private readonly TaskCompletionSource<AmiListResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<AmiMessage>? _events;
    private AmiMessage? _response;
    private AmiMessage? _complete;

    public PendingAction(long id, string actionId, string actionName, AmiSession session, bool isList)
    {
        Id = id;
        ActionId = actionId;
        ActionName = actionName;
        Session = session;
        IsList = isList;
    }

    public long Id { get; }

    public string ActionId { get; }

    public string ActionName { get; }

    public AmiSession Session { get; }

    public bool IsList { get; }

    public Task<AmiListResult> Completion => _completion.Task;

    public void OnResponse(AmiMessage response)
    {
        if (!IsList || !string.Equals(response.Response, "Success", StringComparison.OrdinalIgnoreCase))
        {
            _completion.TrySetResult(new AmiListResult(response, _events ?? [], null));
            return;
        }

        _response = response;
        if (_complete is not null)
        {
            _completion.TrySetResult(new AmiListResult(response, _events ?? [], _complete));
        }
    }

    /// <summary>Takes an event that carries this action's ActionID; false when it is not part of a list (it then goes to the event stream).</summary>
    public bool OnEvent(AmiMessage message)
    {
        if (!IsList)
        {
            return false;
        }

        if (IsEndOfList(message))
        {
            _complete = message;
            if (_response is not null)
            {
                _completion.TrySetResult(new AmiListResult(_response, _events ?? [], message));
            }

            return true;
        }

        (_events ??= []).Add(message);
        return true;
    }

    public void Fail(Exception error) => _completion.TrySetException(error);

    // Asterisk 12+ marks the end with EventList: Complete; older versions only name the event ...Complete.
    private static bool IsEndOfList(AmiMessage message)
    {
        var eventList = message["EventList"];
        return eventList is not null
            ? string.Equals(eventList, "Complete", StringComparison.OrdinalIgnoreCase)
            : message.EventName?.EndsWith("Complete", StringComparison.OrdinalIgnoreCase) == true;
    }
}
