package com.qleven.application.consent;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.consent.in.ManageConsentNotices;
import com.qleven.ports.consent.out.ConsentNotices;
import com.qleven.ports.consent.out.ConsentPurposes;
import com.qleven.ports.shared.out.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A center's notice texts: administrators publish versions, staff who record consents read them.
 * Each is one unit of work; publishing reads the purpose's latest version and adds the next one,
 * so two administrators publishing at the same moment cannot both get the same number (the second
 * is a conflict and publishes nothing).
 */
public final class ConsentNoticesService implements ManageConsentNotices {
    private static final Pattern CURSOR = Pattern.compile("^n\\|[1-9][0-9]{0,9}$");

    private final Transactions transactions;
    private final ConsentPurposes consentPurposes;
    private final ConsentNotices consentNotices;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsentNoticesService(Transactions transactions, ConsentPurposes consentPurposes,
                                 ConsentNotices consentNotices, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.consentPurposes = consentPurposes;
        this.consentNotices = consentNotices;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public NoticeText publish(Principal principal, String purpose, String text) {
        Permissions.require(principal, Permission.PUBLISH_CONSENT_NOTICES);
        TenantId tenant = principal.requireTenant();
        ConsentPurpose code = code(purpose);
        NoticeText.requireText("text", text);
        // Every store keeps microseconds.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            requirePurpose(tenant, code);
            Optional<NoticeText> latest = consentNotices.latest(tenant, code);
            if (latest.isPresent() && latest.get().text().equals(text)) {
                return latest.get();
            }
            NoticeText next = new NoticeText(tenant, code, latest.map(n -> n.version() + 1).orElse(1), text, now,
                    Optional.of(principal.userId()));
            if (!consentNotices.add(next)) {
                throw new ConflictException("another text of this notice was published meanwhile; read it again");
            }
            audit.record(AuditEvent.by(principal, "consent_notice.publish", "consent_notice", Optional.empty(),
                    ConsentRecorder.PURPOSE, 1, now));
            return next;
        });
    }

    @Override
    public Page<NoticeText> versions(Principal principal, String purpose, PageRequest page) {
        Required.field(page, "page");
        Permissions.require(principal, Permission.MANAGE_CONSENTS);
        TenantId tenant = principal.requireTenant();
        ConsentPurpose code = code(purpose);
        int before = page.cursor().map(ConsentNoticesService::parse).orElse(Integer.MAX_VALUE);
        List<NoticeText> items = transactions.inTenant(tenant, () -> {
            requirePurpose(tenant, code);
            return consentNotices.versions(tenant, code, before, page.limit() + 1);
        });
        List<NoticeText> shown = items.stream().limit(page.limit()).toList();
        Optional<String> next = items.size() > page.limit()
                ? Optional.of(cursor(shown.get(shown.size() - 1).version()))
                : Optional.empty();
        return new Page<>(shown, next);
    }

    /** A purpose named in a path: one that is not a code names nothing, the same 404 as an unknown one. */
    private static ConsentPurpose code(String wire) {
        try {
            return ConsentPurpose.parse("purpose", wire);
        } catch (ValidationException e) {
            throw new NotFoundException("consent purpose");
        }
    }

    /** A built-in purpose, or one the center added: another center's or none is a 404. */
    private void requirePurpose(TenantId tenant, ConsentPurpose code) {
        if (!ConsentPurpose.BUILT_IN.contains(code) && consentPurposes.byCode(tenant, code).isEmpty()) {
            throw new NotFoundException("consent purpose");
        }
    }

    private static String cursor(int version) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("n|" + version).getBytes(StandardCharsets.UTF_8));
    }

    private static int parse(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (CURSOR.matcher(text).matches()) {
                long version = Long.parseLong(text.substring(2));
                if (version <= Integer.MAX_VALUE) {
                    return (int) version;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw new ValidationException("cursor", "is not a cursor this list returned");
    }
}
