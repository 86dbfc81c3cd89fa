package com.qleven.ports.messaging.in;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An administrator's purpose for a template and the sources of its placeholders, as typed: a
 * purpose wire name ({@code reminder}; null takes the purpose and mapping away) and, in the order
 * of the placeholders within each component, a component ({@code body}, {@code header},
 * {@code button.0}) and a source ({@code client.first_name}); and for quick-reply buttons, by their
 * index as typed ({@code "1"}), what a tap does ({@code confirm} or {@code cancel}; null or empty for
 * none). The use case names every bad member.
 */
public record MapTemplateCommand(String purpose, List<Parameter> parameters, Map<String, String> replyActions) {
    public MapTemplateCommand {
        parameters = parameters == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
        replyActions = replyActions == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(replyActions));
    }

    /** A mapping with no reply actions. */
    public MapTemplateCommand(String purpose, List<Parameter> parameters) {
        this(purpose, parameters, null);
    }

    /** One placeholder's component and source as typed (null when missing). */
    public record Parameter(String component, String source) {
    }
}
