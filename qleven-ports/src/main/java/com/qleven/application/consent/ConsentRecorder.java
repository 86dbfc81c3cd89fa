package com.qleven.application.consent;

import com.qleven.application.clients.ClientLookup;
import com.qleven.application.clients.ProcessingCheckService;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.CenterPurpose;
import com.qleven.domain.consent.ConsentAge;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentEntryId;
import com.qleven.domain.consent.ConsentNotice;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Center;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.consent.out.ConsentPurposes;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What recording a consent means, whoever records it: the client must be the center's, the purpose
 * one of the center's (built in or its own), the notice given, the minors rule kept, a grant refused
 * while the client's processing is restricted (Art. 18); then the entry is sealed, appended
 * and audited in one unit of work, or nothing is written.
 */
final class ConsentRecorder {
    /** Why consent records are touched: to keep the proof of what each client allowed. */
    static final String PURPOSE = "consent_management";
    static final String SUBJECT = "client";

    private final Transactions transactions;
    private final Centers centers;
    private final ConsentLedger consentLedger;
    private final ConsentPurposes consentPurposes;
    private final ConsentSeal seal;
    private final ClientLookup lookup;
    private final ProcessingCheckService processing;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;

    ConsentRecorder(Transactions transactions, Centers centers, Clients clients, ClientRestrictions clientRestrictions,
                    ConsentLedger consentLedger, ConsentPurposes consentPurposes, FieldCipher cipher, AuditTrail audit,
                    Clock clock, IdGenerator ids) {
        this.transactions = transactions;
        this.centers = centers;
        this.consentLedger = consentLedger;
        this.consentPurposes = consentPurposes;
        this.seal = new ConsentSeal(cipher);
        this.lookup = new ClientLookup(clients, cipher);
        this.processing = new ProcessingCheckService(transactions, clientRestrictions);
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /** The decision as checked wire values; parsing names every bad member at once. */
    record Decision(ConsentPurpose purpose, ConsentDecision decision, ConsentChannel channel, ConsentNotice notice,
                    Optional<String> proof) {
    }

    /**
     * Records the decision that {@code parse} reads, once the client is known to be the center's:
     * an unknown client is a 404 before any member is judged.
     */
    ConsentEntry record(TenantId tenant, ClientId client, Supplier<Decision> parse, Optional<UserId> recordedBy,
                        Optional<UUID> session) {
        return record(tenant, client, parse, recordedBy, session, Optional.empty(), false).orElseThrow();
    }

    /**
     * As {@link #record(TenantId, ClientId, Supplier, Optional, Optional)}, the entry recorded at
     * {@code decidedAt} when given (at most now: a time ahead of the clock is taken as now), so that
     * the ledger's order (by recorded time) puts a decision processed late before what was recorded
     * after it was made. With {@code onlyWhenGranted}, nothing is written (empty) unless the client's
     * latest entry for the purpose at that time is a grant: a withdrawal of what is not granted.
     */
    Optional<ConsentEntry> record(TenantId tenant, ClientId client, Supplier<Decision> parse,
                                  Optional<UserId> recordedBy, Optional<UUID> session, Optional<Instant> decidedAt,
                                  boolean onlyWhenGranted) {
        // Every store keeps microseconds: the answer shows the instant as it will read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant at = decidedAt.map(t -> t.truncatedTo(ChronoUnit.MICROS)).filter(t -> t.isBefore(now)).orElse(now);
        ConsentEntryId id = new ConsentEntryId(ids.next());
        return transactions.inTenant(tenant, () -> {
            Optional<LocalDate> birthDate = lookup.birthDate(tenant, client);
            Decision d = parse.get();
            if (onlyWhenGranted && consentLedger.latest(tenant, client, d.purpose(), at)
                    .filter(e -> e.decision() == ConsentDecision.GRANTED).isEmpty()) {
                return Optional.empty();
            }
            if (d.decision() == ConsentDecision.GRANTED) {
                // A new grant is processing; a refusal or a withdrawal stays as easy as ever (Art. 7(3)).
                processing.requireProcessable(tenant, client);
            }
            LocalDate today = ConsentAge.centerDate(at, center(tenant).profile().timeZone());
            boolean ageVerified = ConsentAge.check(marketing(consentPurposes, tenant, d.purpose()), d.decision(),
                    birthDate, today);
            ConsentEntry entry = new ConsentEntry(id, tenant, client, d.purpose(), d.decision(), d.channel(),
                    d.notice(), d.proof(), recordedBy, at, ageVerified);
            consentLedger.append(seal.seal(entry));
            audit.record(new AuditEvent(Optional.of(tenant), recordedBy, session, "consent.record", SUBJECT,
                    Optional.of(client.value()), PURPOSE, 1, now));
            return Optional.of(entry);
        });
    }

    Center center(TenantId tenant) {
        return centers.byId(tenant)
                .orElseThrow(() -> new IllegalStateException("the center " + tenant + " is not stored"));
    }

    /** A purpose of the center: a built-in one or one the center added; names {@code field} otherwise. */
    ConsentPurpose centerPurpose(TenantId tenant, List<FieldError> errors, String field, String wire) {
        try {
            ConsentPurpose purpose = ConsentPurpose.parse(field, wire);
            if (!ConsentPurpose.BUILT_IN.contains(purpose)
                    && consentPurposes.byCode(tenant, purpose).isEmpty()) {
                errors.add(new FieldError(field, "must be one of the center's purposes: "
                        + String.join(", ", purposeCodes(consentPurposes, tenant))));
            }
            return purpose;
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Whether the purpose is marketing-like: marketing itself or a center's purpose said to be. */
    static boolean marketing(ConsentPurposes consentPurposes, TenantId tenant, ConsentPurpose purpose) {
        return purpose.isMarketing() || consentPurposes.byCode(tenant, purpose)
                .map(CenterPurpose::marketing).orElse(false);
    }

    /** The built-in purposes, then the center's own by code. */
    static List<ConsentPurpose> centerPurposes(ConsentPurposes consentPurposes, TenantId tenant) {
        List<ConsentPurpose> purposes = new ArrayList<>(ConsentPurpose.BUILT_IN);
        consentPurposes.list(tenant).forEach(p -> purposes.add(p.purpose()));
        return purposes;
    }

    private static List<String> purposeCodes(ConsentPurposes consentPurposes, TenantId tenant) {
        return centerPurposes(consentPurposes, tenant).stream().map(ConsentPurpose::code).toList();
    }

    static Optional<String> proof(List<FieldError> errors, String field, String proof) {
        if (proof == null || proof.isBlank()) {
            return Optional.empty();
        }
        String trimmed = proof.strip();
        if (trimmed.length() > ConsentEntry.MAX_PROOF) {
            errors.add(new FieldError(field, "must be at most " + ConsentEntry.MAX_PROOF + " characters"));
        }
        return Optional.of(trimmed);
    }

    static ConsentNotice notice(List<FieldError> errors, String version, String text) {
        try {
            return ConsentNotice.shown("textVersion", version, "text", text);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    static <T> T collect(List<FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(new ArrayList<>(errors));
        }
    }
}
