package com.qleven.ports.messaging.out;

import java.util.List;
import java.util.Objects;

/**
 * A template message to one recipient.
 *
 * @param phoneNumberId the center's sending number (its Graph id)
 * @param to the recipient in E.164 ({@code +} optional)
 * @param templateName the approved template's name
 * @param languageCode the template's language, e.g. {@code en_US}
 * @param components the values of each component's placeholders, in their order
 * @param callbackData our message's opaque id, sent as {@code biz_opaque_callback_data} and returned
 *     in every status webhook; never a center id or personal data
 */
public record TemplateMessage(String phoneNumberId, String to, String templateName, String languageCode,
                              List<TemplateParameters> components, String callbackData) {
    public TemplateMessage {
        GraphIds.nodeId(phoneNumberId, "phoneNumberId");
        GraphIds.e164(to, "to");
        Objects.requireNonNull(templateName, "templateName");
        if (!templateName.matches("[a-z0-9_]{1,512}")) {
            throw new IllegalArgumentException("templateName is lowercase letters, digits and _");
        }
        Objects.requireNonNull(languageCode, "languageCode");
        if (!languageCode.matches("[a-z]{2,3}(_[A-Za-z0-9]{2,8})?")) {
            throw new IllegalArgumentException("languageCode is like en or en_US");
        }
        components = List.copyOf(components);
        GraphIds.callbackData(callbackData);
    }

    /** Leaves out the recipient and the values: they are personal data. */
    @Override
    public String toString() {
        return "TemplateMessage[phoneNumberId=" + phoneNumberId + ", template=" + templateName + "/" + languageCode
                + ", callbackData=" + callbackData + "]";
    }
}
