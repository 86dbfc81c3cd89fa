package com.qleven.adapters.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The Graph API's JSON, field names in snake_case through the mapper's naming strategy. Requests
 * carry only the fields Meta needs (P9: nothing else about the client or the center leaves).
 */
final class GraphDtos {
    private GraphDtos() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendRequest(String messagingProduct, String recipientType, String to, String type, Template template,
                       Text text, String bizOpaqueCallbackData) {
    }

    record Template(String name, Language language, List<Component> components) {
    }

    record Language(String code) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Component(String type, String subType, String index, List<Parameter> parameters) {
    }

    record Parameter(String type, String text) {
    }

    record Text(String body) {
    }

    record ReadRequest(String messagingProduct, String status, String messageId) {
    }

    record RegisterRequest(String messagingProduct, String pin) {
    }

    record CreateTemplateRequest(String name, String language, String category, JsonNode components) {
    }

    record SendResponse(List<MessageId> messages) {
    }

    record MessageId(String id) {
    }

    record SuccessResponse(Boolean success) {
    }

    record TemplateList(List<TemplateItem> data, Paging paging) {
    }

    record TemplateItem(String id, String name, String language, String category, String status,
                        JsonNode components) {
    }

    record Paging(Cursors cursors, String next) {
    }

    record Cursors(String before, String after) {
    }

    record CreatedTemplate(String id, String status, String category) {
    }

    record TokenResponse(String accessToken) {
    }

    record ErrorEnvelope(GraphError error) {
    }

    record GraphError(Integer code, ErrorData errorData) {
    }

    record ErrorData(String details) {
    }
}
