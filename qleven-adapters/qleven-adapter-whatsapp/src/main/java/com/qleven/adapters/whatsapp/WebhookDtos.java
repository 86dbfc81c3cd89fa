package com.qleven.adapters.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The webhook's JSON below {@code entry[].changes[].value}, field names in snake_case through the
 * mapper's naming strategy. Every record ignores what it does not name: Meta adds fields freely.
 */
final class WebhookDtos {
    private WebhookDtos() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessagesValue(Metadata metadata, List<Status> statuses) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(String phoneNumberId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(String id, String status, String timestamp, String bizOpaqueCallbackData, List<Error> errors,
                  Pricing pricing, Conversation conversation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(Integer code, String title, String message, ErrorData errorData) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorData(String details) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pricing(Boolean billable, String pricingModel, String type, String category) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Conversation(String id, Origin origin) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Origin(String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplateStatusValue(String event, String messageTemplateName, String messageTemplateLanguage) {
    }
}
