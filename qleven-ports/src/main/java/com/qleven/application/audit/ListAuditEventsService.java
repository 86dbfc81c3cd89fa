package com.qleven.application.audit;

import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.in.ListAuditEvents;
import com.qleven.ports.audit.in.SealAuditTrail;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.shared.out.Transactions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The center's audit events, newest first, paged by append id. The center's due appends are sealed
 * first (unless another sealer holds the chain), so events normally come with their place in the
 * chain; an event not yet sealed (its unit of work, or an older one, was still open) is listed all
 * the same, without a place.
 */
public final class ListAuditEventsService implements ListAuditEvents {
    private static final Pattern CURSOR = Pattern.compile("^a\\|[1-9][0-9]{0,18}$");
    private final Transactions transactions;
    private final AuditLog auditLog;
    private final SealAuditTrail sealer;

    public ListAuditEventsService(Transactions transactions, AuditLog auditLog, SealAuditTrail sealer) {
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.sealer = sealer;
    }

    @Override
    public Page<AuditRecord> list(Principal principal, PageRequest page) {
        Required.field(page, "page");
        Permissions.require(principal, Permission.VIEW_AUDIT_TRAIL);
        TenantId tenant = principal.requireTenant();
        long before = page.cursor().map(ListAuditEventsService::parse).orElse(Long.MAX_VALUE);
        sealer.seal(Optional.of(tenant));
        List<AuditRecord> items = transactions.inTenant(tenant,
                () -> auditLog.readNewestFirst(Optional.of(tenant), before, page.limit() + 1));
        List<AuditRecord> shown = items.stream().limit(page.limit()).toList();
        Optional<String> next = items.size() > page.limit()
                ? Optional.of(cursor(shown.get(shown.size() - 1).id()))
                : Optional.empty();
        return new Page<>(shown, next);
    }

    private static String cursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("a|" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long parse(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (CURSOR.matcher(text).matches()) {
                return Long.parseLong(text.substring(2));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw new ValidationException("cursor", "is not a cursor this list returned");
    }
}
