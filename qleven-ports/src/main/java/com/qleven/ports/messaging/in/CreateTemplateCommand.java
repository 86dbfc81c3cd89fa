package com.qleven.ports.messaging.in;

import com.qleven.domain.messaging.TemplateComponent;
import java.util.List;

/**
 * A template to submit to Meta: name, language and category as typed, the components as the
 * registry keeps them (each one's key and text, read by the caller from Meta's shape) and the same
 * components as the JSON array in Meta's shape that goes to Meta unchanged. Null members are
 * missing; the use case names every bad one.
 */
public record CreateTemplateCommand(String name, String language, String category,
                                    List<TemplateComponent> components, String componentsJson) {
}
