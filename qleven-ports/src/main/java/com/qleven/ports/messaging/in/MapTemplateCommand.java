package com.qleven.ports.messaging.in;

import java.util.List;

/**
 * An administrator's purpose for a template and the sources of its placeholders, as typed: a
 * purpose wire name ({@code reminder}; null takes the purpose and mapping away) and, in the order
 * of the placeholders within each component, a component ({@code body}, {@code header},
 * {@code button.0}) and a source ({@code client.first_name}). The use case names every bad member.
 */
public record MapTemplateCommand(String purpose, List<Parameter> parameters) {
    public MapTemplateCommand {
        parameters = parameters == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }

    /** One placeholder's component and source as typed (null when missing). */
    public record Parameter(String component, String source) {
    }
}
