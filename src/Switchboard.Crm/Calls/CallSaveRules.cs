using Switchboard.Contracts;

namespace Switchboard.Crm.Calls;

/// <summary>
/// What a save must hold before it touches the log: a key that fits its columns, known enum
/// values, texts within their columns, durations that are not negative and moments in order.
/// The PBX, a browser or a retried outbox entry may all send something odd; it is refused whole.
/// </summary>
public static class CallSaveRules
{
    public const int MaxPbxCallIdLength = 255;
    public const int MaxLineLength = 32;
    public const int MaxNumberLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxRecordingFileLength = 1024;

    /// <summary>The problems with the save, by field; empty when it may be saved.</summary>
    public static Dictionary<string, string[]> Validate(string? pbxCallId, string? line, CallSaveRequest? save)
    {
        var errors = new Dictionary<string, string[]>();
        RequireText(errors, "pbxCallId", pbxCallId, MaxPbxCallIdLength);
        RequireText(errors, "line", line, MaxLineLength);
        if (save is null)
        {
            errors["body"] = ["The call is missing."];
            return errors;
        }

        RequireText(errors, "conversationId", save.ConversationId, MaxPbxCallIdLength);
        LimitText(errors, "callerNumber", save.CallerNumber, MaxNumberLength, required: true);
        LimitText(errors, "calleeNumber", save.CalleeNumber, MaxNumberLength, required: true);
        LimitText(errors, "callerName", save.CallerName, MaxNameLength);
        LimitText(errors, "redirectedFrom", save.RedirectedFrom, MaxNumberLength);
        LimitText(errors, "redirectedTo", save.RedirectedTo, MaxNumberLength);
        LimitText(errors, "parentPbxCallId", save.ParentPbxCallId, MaxPbxCallIdLength);
        LimitText(errors, "recordingFile", save.RecordingFile, MaxRecordingFileLength);
        if (save.Comment?.Length > CallEditor.MaxCommentLength)
        {
            errors["comment"] = [$"A comment holds at most {CallEditor.MaxCommentLength} characters."];
        }

        RequireKnown(errors, "direction", save.Direction);
        RequireKnown(errors, "state", save.State);
        if (save.EndReason is { } reason)
        {
            RequireKnown(errors, "endReason", reason);
        }

        RequireNotNegative(errors, "timeBeforeConnectionSeconds", save.TimeBeforeConnectionSeconds);
        RequireNotNegative(errors, "durationSeconds", save.DurationSeconds);
        RequireNotNegative(errors, "talkSeconds", save.TalkSeconds);
        RequireNotNegative(errors, "holdSeconds", save.HoldSeconds);

        if (save.StartedAt == default)
        {
            errors["startedAt"] = ["The moment the call started is required."];
        }

        if (save.AnsweredAt < save.StartedAt)
        {
            errors["answeredAt"] = ["A call is answered after it starts."];
        }

        if (save.EndedAt < save.StartedAt || save.EndedAt < save.AnsweredAt)
        {
            errors["endedAt"] = ["A call ends after it starts and after it is answered."];
        }

        if (save.State == CallState.Finished && (save.EndedAt is null || save.EndReason is null))
        {
            errors["state"] = ["A finished call needs endedAt and endReason."];
        }

        return errors;
    }

    private static void RequireText(Dictionary<string, string[]> errors, string name, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = ["Required."];
            return;
        }

        LimitText(errors, name, value, maxLength);
    }

    private static void LimitText(Dictionary<string, string[]> errors, string name, string? value, int maxLength, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                errors[name] = ["Required; empty for a number the PBX did not give."];
            }

            return;
        }

        if (value.Length > maxLength)
        {
            errors[name] = [$"At most {maxLength} characters."];
        }
        else if (value.Any(char.IsControl))
        {
            errors[name] = ["Control characters are not allowed."];
        }
    }

    private static void RequireKnown<TEnum>(Dictionary<string, string[]> errors, string name, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors[name] = [$"Expected one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."];
        }
    }

    private static void RequireNotNegative(Dictionary<string, string[]> errors, string name, int seconds)
    {
        if (seconds < 0)
        {
            errors[name] = ["Whole seconds, not negative."];
        }
    }
}

/// <summary>A save the log refused as it stands; retrying the same save cannot succeed.</summary>
public sealed class CallSaveRejectedException : Exception
{
    public CallSaveRejectedException()
    {
        Errors = new Dictionary<string, string[]>();
    }

    public CallSaveRejectedException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public CallSaveRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public CallSaveRejectedException(IReadOnlyDictionary<string, string[]> errors)
        : base("The call cannot be saved: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
