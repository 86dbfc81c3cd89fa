package com.qleven.domain.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the template of a message: an approved template of its purpose in the client's language, else
 * in the center's locale's language, else none with a reason. Within a language the exact code wins
 * ({@code es_ES} for a client in es-ES), then the bare language ({@code es}); a template of another
 * country's variant ({@code pt_PT} for pt-BR) is not taken. Ties (two templates of one purpose and
 * language) go to the first by name, so every host picks the same one.
 */
public final class TemplateChooser {
    private TemplateChooser() {
    }

    public static TemplateChoice choose(List<WhatsAppTemplate> templates, MessagePurpose purpose,
                                        Optional<Locale> clientLanguage, Locale centerLocale) {
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(clientLanguage, "clientLanguage");
        Objects.requireNonNull(centerLocale, "centerLocale");
        List<WhatsAppTemplate> candidates = templates.stream()
                .filter(WhatsAppTemplate::sendable)
                .filter(t -> t.purpose().orElseThrow() == purpose)
                .sorted(Comparator.comparing(WhatsAppTemplate::name))
                .toList();
        List<String> wanted = new ArrayList<>();
        clientLanguage.ifPresent(l -> wanted.addAll(codes(l)));
        wanted.addAll(codes(centerLocale));
        for (String code : wanted) {
            for (WhatsAppTemplate t : candidates) {
                if (t.language().equals(code)) {
                    return new TemplateChoice.Chosen(t);
                }
            }
        }
        return new TemplateChoice.NoneApproved(purpose, "no approved " + purpose.wireName() + " template in "
                + String.join(" or ", wanted.stream().distinct().toList()));
    }

    /** Meta's codes for a locale, most specific first: es_ES, es. */
    static List<String> codes(Locale locale) {
        String language = locale.getLanguage();
        List<String> codes = new ArrayList<>();
        if (language.isEmpty()) {
            return codes;
        }
        if (!locale.getCountry().isEmpty()) {
            codes.add(language + "_" + locale.getCountry());
        }
        codes.add(language);
        return codes;
    }
}
