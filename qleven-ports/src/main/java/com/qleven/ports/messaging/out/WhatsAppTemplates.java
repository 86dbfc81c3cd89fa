package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A center's template registry, in the center's unit. A template is known by its id here and by its
 * name and language at Meta (unique per center). Its status only ever comes from Meta.
 */
public interface WhatsAppTemplates {
    Optional<WhatsAppTemplate> find(TenantId tenant, TemplateId id);

    Optional<WhatsAppTemplate> findByName(TenantId tenant, String name, String language);

    /** Inserts or replaces the template (by id). */
    void save(TenantId tenant, WhatsAppTemplate template, Instant at);

    /** The center's templates by name then language. */
    Page<WhatsAppTemplate> list(TenantId tenant, PageRequest page);

    /** The approved templates of a purpose, whatever their language: what {@code TemplateChooser} picks from. */
    List<WhatsAppTemplate> sendableFor(TenantId tenant, MessagePurpose purpose);

    /**
     * Sets the status Meta reported for a template of that name and language in this center (a
     * template-status webhook); false when the center has no such template.
     */
    boolean updateStatus(TenantId tenant, String name, String language, TemplateStatus status, Instant at);
}
