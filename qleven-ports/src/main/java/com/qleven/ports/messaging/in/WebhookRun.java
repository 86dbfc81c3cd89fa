package com.qleven.ports.messaging.in;

/**
 * What one pass of webhook processing did, in counts only (no ids, numbers or texts): events taken,
 * processed, given up on as unreadable (or left for a later attempt); statuses applied to a message,
 * statuses for a wamid or number this platform does not know (an inbound message or preference change
 * to an unknown number counts there too), statuses of a kind not handled (such as {@code deleted});
 * template updates applied to a center's registry and those naming no template of any center; items
 * not handled here; clients' inbound messages stored and those already stored (replays); preference
 * changes stored; and the errors Meta reported in the webhook (value errors and message errors) or
 * items too broken to store (a sender that is not a phone number).
 */
public record WebhookRun(int events, int processed, int unreadable, int retryLater, int statuses, int unknownMessages,
                         int unknownNumbers, int otherStatuses, int templateUpdates, int unknownTemplates,
                         int unhandled, int inboundMessages, int replayedMessages, int preferenceChanges,
                         int errors) {
    public static final WebhookRun NONE = new WebhookRun(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Without inbound counts. */
    public WebhookRun(int events, int processed, int unreadable, int retryLater, int statuses, int unknownMessages,
                      int unknownNumbers, int otherStatuses, int templateUpdates, int unknownTemplates,
                      int unhandled) {
        this(events, processed, unreadable, retryLater, statuses, unknownMessages, unknownNumbers, otherStatuses,
                templateUpdates, unknownTemplates, unhandled, 0, 0, 0, 0);
    }

    public WebhookRun plus(WebhookRun o) {
        return new WebhookRun(events + o.events, processed + o.processed, unreadable + o.unreadable,
                retryLater + o.retryLater, statuses + o.statuses, unknownMessages + o.unknownMessages,
                unknownNumbers + o.unknownNumbers, otherStatuses + o.otherStatuses,
                templateUpdates + o.templateUpdates, unknownTemplates + o.unknownTemplates, unhandled + o.unhandled,
                inboundMessages + o.inboundMessages, replayedMessages + o.replayedMessages,
                preferenceChanges + o.preferenceChanges, errors + o.errors);
    }
}
