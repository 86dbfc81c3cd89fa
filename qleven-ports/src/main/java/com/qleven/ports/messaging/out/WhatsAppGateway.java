package com.qleven.ports.messaging.out;

import java.util.Optional;

/**
 * The WhatsApp Cloud API (Meta's Graph API) as messaging needs it. Every call but the code exchange
 * is made with the center's own access token. No call is ever repeated by the gateway itself: a
 * call whose outcome cannot be known comes back {@code Unknown}, and whoever called decides (the
 * dispatcher marks such a message {@code uncertain} and never resends it by itself).
 *
 * <p>Implementations never write a token, a phone number or a message's text to a log or into an
 * exception message.
 */
public interface WhatsAppGateway {

    /** Sends an approved template; the message's id goes along as {@code biz_opaque_callback_data}. */
    SendResult sendTemplate(AccessToken token, TemplateMessage message);

    /** Sends free text (only inside the 24-hour window Meta keeps after the client last wrote). */
    SendResult sendText(AccessToken token, TextMessage message);

    /** Marks an inbound message read (the blue ticks the client sees). */
    GraphResult<Acknowledged> markRead(AccessToken token, String phoneNumberId, String wamid);

    /**
     * One page of a business account's templates, at most {@code limit} of them, starting after
     * the cursor of the previous page (empty for the first).
     */
    GraphResult<TemplatePage> listTemplates(AccessToken token, String wabaId, int limit, Optional<String> after);

    /** Submits a template for Meta's review; it starts {@code PENDING}. */
    GraphResult<CreatedTemplate> createTemplate(AccessToken token, String wabaId, TemplateDraft draft);

    /**
     * Exchanges the code the browser's Embedded Signup gave (valid about 30 seconds) for the
     * business token of the center's account, with Qleven's app id and secret.
     */
    GraphResult<AccessToken> exchangeSignupCode(String code);

    /** Registers a phone number for the Cloud API with its 6-digit two-step verification PIN. */
    GraphResult<Acknowledged> registerPhoneNumber(AccessToken token, String phoneNumberId, String pin);

    /** Subscribes Qleven's app to a business account, so its webhooks reach Qleven. */
    GraphResult<Acknowledged> subscribeApp(AccessToken token, String wabaId);
}
