package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.ParameterBinding;
import com.qleven.domain.messaging.ParameterMapping;
import com.qleven.domain.messaging.ParameterSource;
import com.qleven.domain.messaging.ReplyAction;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.WhatsAppTemplates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A center's templates in {@code whatsapp_templates} (V31, row-level security): components and the
 * mapping as parallel text arrays, listed by keyset on the unique (name, language); quick-reply titles
 * (parallel to the components, null for other components) and reply actions (button index and verb)
 * from V36.
 */
final class PostgresWhatsAppTemplates implements WhatsAppTemplates {
    private static final String COLUMNS = "id, name, language, category, component_keys, component_texts, status,"
            + " purpose, parameter_components, parameter_sources, component_reply_titles, reply_action_buttons,"
            + " reply_action_verbs";
    private static final RowMapper<WhatsAppTemplate> TEMPLATE = (rs, ctx) -> template(rs);

    private final PostgresTransactions tx;

    PostgresWhatsAppTemplates(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<WhatsAppTemplate> find(TenantId tenant, TemplateId id) {
        return tx.withHandle(Optional.of(tenant), "read a template", h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM public.whatsapp_templates WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(TEMPLATE)
                .findOne());
    }

    @Override
    public Optional<WhatsAppTemplate> findByName(TenantId tenant, String name, String language) {
        return tx.withHandle(Optional.of(tenant), "read a template", h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM public.whatsapp_templates"
                        + " WHERE tenant_id = :tenant AND name = :name AND language = :language")
                .bind("tenant", tenant.value())
                .bind("name", name)
                .bind("language", language)
                .map(TEMPLATE)
                .findOne());
    }

    @Override
    public void save(TenantId tenant, WhatsAppTemplate t, Instant at) {
        List<String> keys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        t.components().forEach(c -> {
            keys.add(c.key().wireName());
            texts.add(c.text());
            titles.add(c.replyTitle().orElse(null));
        });
        List<ParameterBinding> bindings = t.parameters().bindings();
        tx.withHandle(Optional.of(tenant), "save a template", h -> h.createUpdate("""
                        INSERT INTO public.whatsapp_templates (tenant_id, id, name, language, category, component_keys,
                            component_texts, status, purpose, parameter_components, parameter_sources,
                            component_reply_titles, reply_action_buttons, reply_action_verbs, updated_at)
                        VALUES (:tenant, :id, :name, :language, :category, :keys, :texts, :status, :purpose,
                            :parameterComponents, :parameterSources, :titles, :actionButtons, :actionVerbs, :at)
                        ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, language = EXCLUDED.language,
                            category = EXCLUDED.category, component_keys = EXCLUDED.component_keys,
                            component_texts = EXCLUDED.component_texts, status = EXCLUDED.status,
                            purpose = EXCLUDED.purpose, parameter_components = EXCLUDED.parameter_components,
                            parameter_sources = EXCLUDED.parameter_sources,
                            component_reply_titles = EXCLUDED.component_reply_titles,
                            reply_action_buttons = EXCLUDED.reply_action_buttons,
                            reply_action_verbs = EXCLUDED.reply_action_verbs, updated_at = EXCLUDED.updated_at""")
                .bind("tenant", tenant.value())
                .bind("id", t.id().value())
                .bind("name", t.name())
                .bind("language", t.language())
                .bind("category", t.category().name())
                .bindArray("keys", String.class, keys)
                .bindArray("texts", String.class, texts)
                .bind("status", t.status().name())
                .bind("purpose", t.purpose().map(MessagePurpose::wireName).orElse(null))
                .bindArray("parameterComponents", String.class,
                        bindings.stream().map(b -> b.component().wireName()).toList())
                .bindArray("parameterSources", String.class, bindings.stream().map(b -> b.source().wireName()).toList())
                .bindArray("titles", String.class, titles)
                .bindArray("actionButtons", Integer.class, List.copyOf(t.replyActions().keySet()))
                .bindArray("actionVerbs", String.class,
                        t.replyActions().values().stream().map(ReplyAction::wireName).toList())
                .bind("at", at)
                .execute());
    }

    @Override
    public Page<WhatsAppTemplate> list(TenantId tenant, PageRequest page) {
        Optional<TemplateCursor> after = page.cursor().map(TemplateCursor::decode);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM public.whatsapp_templates"
                + " WHERE tenant_id = :tenant");
        after.ifPresent(c -> sql.append(" AND (name, language) > (:afterName, :afterLanguage)"));
        sql.append(" ORDER BY name, language LIMIT :limit");
        List<WhatsAppTemplate> rows = tx.withHandle(Optional.of(tenant), "list templates", h -> {
            var q = h.createQuery(sql.toString()).bind("tenant", tenant.value()).bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterName", c.name()).bind("afterLanguage", c.language()));
            return q.map(TEMPLATE).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<WhatsAppTemplate> items = rows.subList(0, page.limit());
        WhatsAppTemplate last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new TemplateCursor(last.name(), last.language()).encode()));
    }

    @Override
    public List<WhatsAppTemplate> sendableFor(TenantId tenant, MessagePurpose purpose) {
        return tx.withHandle(Optional.of(tenant), "read the templates of a purpose", h -> h.createQuery("SELECT "
                        + COLUMNS + " FROM public.whatsapp_templates WHERE tenant_id = :tenant AND purpose = :purpose"
                        + " AND status = 'APPROVED' ORDER BY name, language")
                .bind("tenant", tenant.value())
                .bind("purpose", purpose.wireName())
                .map(TEMPLATE)
                .list());
    }

    @Override
    public boolean updateStatus(TenantId tenant, String name, String language, TemplateStatus status, Instant at) {
        return tx.withHandle(Optional.of(tenant), "update a template's status", h -> h.createUpdate("""
                        UPDATE public.whatsapp_templates SET status = :status, updated_at = :at
                        WHERE tenant_id = :tenant AND name = :name AND language = :language""")
                .bind("tenant", tenant.value())
                .bind("name", name)
                .bind("language", language)
                .bind("status", status.name())
                .bind("at", at)
                .execute()) == 1;
    }

    private static WhatsAppTemplate template(ResultSet rs) throws SQLException {
        String[] keys = strings(rs, "component_keys");
        String[] texts = strings(rs, "component_texts");
        // Empty for a row saved before V36: no quick reply known until the next sync.
        String[] titles = strings(rs, "component_reply_titles");
        List<TemplateComponent> components = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            components.add(new TemplateComponent(ComponentKey.parse(keys[i], "components"), texts[i],
                    Optional.ofNullable(titles.length == keys.length ? titles[i] : null)));
        }
        Integer[] actionButtons = (Integer[]) rs.getArray("reply_action_buttons").getArray();
        String[] actionVerbs = strings(rs, "reply_action_verbs");
        Map<Integer, ReplyAction> actions = new TreeMap<>();
        for (int i = 0; i < actionButtons.length; i++) {
            actions.put(actionButtons[i], ReplyAction.parse(actionVerbs[i], "replyActions"));
        }
        String[] parameterComponents = strings(rs, "parameter_components");
        String[] sources = strings(rs, "parameter_sources");
        List<ParameterBinding> bindings = new ArrayList<>();
        for (int i = 0; i < parameterComponents.length; i++) {
            bindings.add(new ParameterBinding(ComponentKey.parse(parameterComponents[i], "parameters"),
                    ParameterSource.parse(sources[i], "parameters")));
        }
        return new WhatsAppTemplate(new TemplateId(Sql.uuid(rs, "id")), rs.getString("name"),
                rs.getString("language"), TemplateCategory.valueOf(rs.getString("category")), components,
                TemplateStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("purpose")).map(MessagePurpose::parse),
                bindings.isEmpty() ? ParameterMapping.NONE : new ParameterMapping(bindings), actions);
    }

    private static String[] strings(ResultSet rs, String column) throws SQLException {
        return (String[]) rs.getArray(column).getArray();
    }
}
