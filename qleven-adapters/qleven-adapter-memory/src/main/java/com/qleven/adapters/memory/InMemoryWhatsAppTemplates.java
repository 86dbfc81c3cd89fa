package com.qleven.adapters.memory;

import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.messaging.out.WhatsAppTemplates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Templates in memory, unique by (center, name, language) as PostgreSQL's constraint makes them, and
 * listed in the same byte order of name then language with the same kind of cursor.
 */
final class InMemoryWhatsAppTemplates implements WhatsAppTemplates {
    private static final Comparator<WhatsAppTemplate> ORDER = Comparator.comparing(WhatsAppTemplate::name)
            .thenComparing(WhatsAppTemplate::language);

    private record Key(TenantId tenant, TemplateId id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, WhatsAppTemplate> templates = new HashMap<>();

    InMemoryWhatsAppTemplates(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<WhatsAppTemplate> find(TenantId tenant, TemplateId id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(templates.get(new Key(tenant, id)))
                : Optional.<WhatsAppTemplate>empty());
    }

    @Override
    public Optional<WhatsAppTemplate> findByName(TenantId tenant, String name, String language) {
        return tx.within(() -> mine(tenant).stream()
                .filter(t -> t.name().equals(name) && t.language().equals(language))
                .findFirst());
    }

    @Override
    public void save(TenantId tenant, WhatsAppTemplate template, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            boolean taken = mine(tenant).stream().anyMatch(t -> !t.id().equals(template.id())
                    && t.name().equals(template.name()) && t.language().equals(template.language()));
            if (taken) {
                throw new ConflictException("cannot save a template: it conflicts with what is already stored");
            }
            tx.put(templates, new Key(tenant, template.id()), template);
        });
    }

    @Override
    public Page<WhatsAppTemplate> list(TenantId tenant, PageRequest page) {
        return tx.within(() -> {
            Optional<String[]> after = page.cursor().map(InMemoryWhatsAppTemplates::decode);
            List<WhatsAppTemplate> rest = mine(tenant).stream()
                    .filter(t -> after.map(c -> t.name().compareTo(c[0]) > 0
                            || t.name().equals(c[0]) && t.language().compareTo(c[1]) > 0).orElse(true))
                    .sorted(ORDER)
                    .toList();
            List<WhatsAppTemplate> items = rest.stream().limit(page.limit()).toList();
            if (rest.size() <= page.limit()) {
                return new Page<>(items, Optional.empty());
            }
            WhatsAppTemplate last = items.get(items.size() - 1);
            return new Page<>(items, Optional.of(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((last.name() + "|" + last.language()).getBytes(StandardCharsets.UTF_8))));
        });
    }

    @Override
    public List<WhatsAppTemplate> sendableFor(TenantId tenant, MessagePurpose purpose) {
        return tx.within(() -> mine(tenant).stream()
                .filter(t -> t.status() == TemplateStatus.APPROVED && t.purpose().equals(Optional.of(purpose)))
                .sorted(ORDER)
                .toList());
    }

    @Override
    public boolean updateStatus(TenantId tenant, String name, String language, TemplateStatus status, Instant at) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Optional<WhatsAppTemplate> found = findByName(tenant, name, language);
            found.ifPresent(t -> tx.put(templates, new Key(tenant, t.id()), t.withStatusFromMeta(status)));
            return found.isPresent();
        });
    }

    private List<WhatsAppTemplate> mine(TenantId tenant) {
        if (!tx.visible(tenant)) {
            return List.of();
        }
        return templates.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue).toList();
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (parts.length == 2 && parts[0].matches("[a-z0-9_]{1,512}") && parts[1].matches("[A-Za-z_]{2,8}")) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // not base64: the same answer as any other forged cursor
        }
        throw new ValidationException("cursor", "is not a cursor this list returned");
    }
}
