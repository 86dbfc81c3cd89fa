package com.qleven.application.billing;

import com.qleven.application.clients.BookableClients;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.AllowanceUnit;
import com.qleven.domain.billing.ChargeLine;
import com.qleven.domain.billing.ClientPackage;
import com.qleven.domain.billing.ClientPackageId;
import com.qleven.domain.billing.Entitlement;
import com.qleven.domain.billing.Invoice;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PackageId;
import com.qleven.domain.billing.Quantity;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentEvent;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.billing.in.ClientPackageView;
import com.qleven.ports.billing.in.DraftInvoiceCommand;
import com.qleven.ports.billing.in.InvoiceLineCommand;
import com.qleven.ports.billing.in.PackageCommand;
import com.qleven.ports.billing.in.PackageLiability;
import com.qleven.ports.billing.out.BillingCenters.BillingCenter;
import com.qleven.ports.billing.out.PackageRedemption;
import com.qleven.ports.billing.out.Packages;
import com.qleven.ports.billing.out.PrepaidPackage;
import com.qleven.ports.billing.out.StoredInvoice;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.ports.scheduling.out.Catalogue;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prepaid packages: the catalogue (administrators), selling one to a client with its invoice issued
 * in the same unit, redemption when a covered appointment is completed (or an invoice drafted for it
 * instead), debits of an allowance by device sessions, the refund of the unused part by a credit
 * note, and the center's outstanding liability. Each verb is one unit of work with its audit event;
 * bad input names its field and writes nothing.
 */
public final class PackagesService {
    static final String PACKAGE = "package";
    static final String CLIENT_PACKAGE = "client_package";
    /** The most services a package covers. */
    static final int MAX_SERVICES = 50;
    /** The longest validity a package is sold with: ten years. */
    static final int MAX_VALIDITY_DAYS = 3660;
    static final int MAX_NAME = 200;

    private final Transactions transactions;
    private final Packages packages;
    private final Catalogue catalogue;
    private final InvoicesService invoices;
    private final InvoiceSeal seal;
    private final TaxRatesService taxRates;
    private final BookableClients clients;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    PackagesService(Transactions transactions, Packages packages, Catalogue catalogue, InvoicesService invoices,
                    InvoiceSeal seal, TaxRatesService taxRates, BookableClients clients, AuditTrail audit,
                    IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.packages = packages;
        this.catalogue = catalogue;
        this.invoices = invoices;
        this.seal = seal;
        this.taxRates = taxRates;
        this.clients = clients;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    // Catalogue ---------------------------------------------------------------------------------------

    /**
     * Adds a package to the catalogue (administrators). Every service must be one of the center's (a
     * 422 naming {@code serviceIds[i]}); the price and a credit are in the center's currency; the tax
     * rate, when named, is one the center offers, and when not, the first service's must be.
     */
    public PrepaidPackage create(Principal principal, PackageCommand command) {
        Required.field(command, "body");
        Permissions.require(principal, Permission.MANAGE_PACKAGES);
        TenantId tenant = principal.requireTenant();
        String name = requireShape(command);
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            BillingCenter center = invoices.center(tenant);
            requireCurrency(command, center);
            Map<ServiceId, Service> offered = catalogue.services(tenant).stream()
                    .collect(Collectors.toMap(Service::id, Function.identity()));
            for (int i = 0; i < command.services().size(); i++) {
                if (!offered.containsKey(command.services().get(i))) {
                    throw new UnprocessableException("serviceIds[" + i + "]", "is not a service of this center");
                }
            }
            Set<String> rates = taxRates.offered(tenant).stream().map(r -> r.rate().code())
                    .collect(Collectors.toSet());
            if (command.taxRate().isPresent()) {
                if (!rates.contains(command.taxRate().get())) {
                    throw new UnprocessableException("taxRate",
                            "is not one of the center's tax rates in use (GET /v1/tax-rates)");
                }
            } else {
                String first = offered.get(command.services().get(0)).taxRate();
                if (!rates.contains(first)) {
                    throw new UnprocessableException("taxRate", "the first service's rate " + first
                            + " is not in use any more: name the package's rate");
                }
            }
            PrepaidPackage offer = new PrepaidPackage(new PackageId(ids.next()), name, command.services(),
                    command.entitlement(), command.price(), command.validityDays(), command.taxRate(), now,
                    Optional.empty());
            packages.add(tenant, offer);
            record(principal, "package.create", PACKAGE, offer.id().value(), now);
            return offer;
        });
    }

    /** Every field checked at once, before any read: the name, stripped. */
    private static String requireShape(PackageCommand command) {
        List<FieldError> errors = new ArrayList<>();
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
        if (command.services().isEmpty()) {
            errors.add(new FieldError("serviceIds", "must name at least one service"));
        } else if (command.services().size() > MAX_SERVICES) {
            errors.add(new FieldError("serviceIds", "must name at most " + MAX_SERVICES + " services"));
        } else {
            Set<ServiceId> seen = new HashSet<>();
            for (int i = 0; i < command.services().size(); i++) {
                ServiceId s = command.services().get(i);
                if (s == null) {
                    errors.add(new FieldError("serviceIds[" + i + "]", "is required"));
                } else if (!seen.add(s)) {
                    errors.add(new FieldError("serviceIds[" + i + "]", "is named twice"));
                }
            }
        }
        Entitlement e = command.entitlement();
        if (e == null) {
            errors.add(new FieldError("sessions", "give exactly one of sessions, credit or allowance"));
        } else if (e.units() <= 0) {
            String field = e instanceof Entitlement.Sessions ? "sessions"
                    : e instanceof Entitlement.Credit ? "credit.amountMinor" : "allowance.amount";
            errors.add(new FieldError(field, "must be above 0"));
        }
        if (command.price() == null) {
            errors.add(new FieldError("price", "is required"));
        } else if (command.price().isNegative()) {
            errors.add(new FieldError("price.amountMinor", "must not be negative"));
        }
        if (command.validityDays() == null) {
            errors.add(new FieldError("validityDays", "is required"));
        } else if (command.validityDays() < 1 || command.validityDays() > MAX_VALIDITY_DAYS) {
            errors.add(new FieldError("validityDays", "must be 1 to " + MAX_VALIDITY_DAYS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return name;
    }

    private static void requireCurrency(PackageCommand command, BillingCenter center) {
        List<FieldError> errors = new ArrayList<>();
        String currency = center.profile().currency().getCurrencyCode();
        if (!command.price().currency().equals(center.profile().currency())) {
            errors.add(new FieldError("price.currency", "must be " + currency + ", the center's currency"));
        }
        if (command.entitlement() instanceof Entitlement.Credit c
                && !c.amount().currency().equals(center.profile().currency())) {
            errors.add(new FieldError("credit.currency", "must be " + currency + ", the center's currency"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The catalogue, oldest first, a page per statement; retired packages on request. */
    public Page<PrepaidPackage> list(Principal principal, boolean includeRetired, PageRequest page) {
        Permissions.require(principal, Permission.VIEW_PACKAGES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Page<PrepaidPackage> found = packages.list(tenant, includeRetired, page);
            audit.record(AuditEvent.by(principal, "package.list", PACKAGE, Optional.empty(), InvoicesService.PURPOSE,
                    found.items().size(), clock.instant()));
            return found;
        });
    }

    public PrepaidPackage get(Principal principal, PackageId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.VIEW_PACKAGES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            PrepaidPackage offer = packages.byId(tenant, id).orElseThrow(() -> new NotFoundException("package"));
            record(principal, "package.read", PACKAGE, id.value(), clock.instant());
            return offer;
        });
    }

    /** Retires a package (administrators): the packages sold stay as they are; it is sold no more. */
    public PrepaidPackage retire(Principal principal, PackageId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.MANAGE_PACKAGES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            PrepaidPackage offer = packages.byId(tenant, id).orElseThrow(() -> new NotFoundException("package"));
            if (offer.retired() || !packages.retire(tenant, id, now)) {
                throw new ConflictException("this package is retired already", Map.of("field", "retiredAt"));
            }
            record(principal, "package.retire", PACKAGE, id.value(), now);
            return new PrepaidPackage(offer.id(), offer.name(), offer.services(), offer.entitlement(), offer.price(),
                    offer.validityDays(), offer.taxRate(), offer.createdAt(), Optional.of(now));
        });
    }

    // Selling -----------------------------------------------------------------------------------------

    /**
     * Sells the package to the client: its invoice (one line, the package's name, at its price and
     * its tax rate or its first service's) is drafted and issued in the same unit, and the client's
     * package, linked to that invoice, is valid until the end of the local date {@code validityDays}
     * after today in the center's zone. A client the center does not have is a 404; a package it does
     * not have or has retired a 422 naming {@code packageId}.
     */
    public ClientPackageView sell(Principal principal, ClientId client, PackageId packageId) {
        Required.field(client, "id");
        Permissions.require(principal, Permission.SELL_PACKAGES);
        TenantId tenant = principal.requireTenant();
        if (packageId == null) {
            throw new ValidationException("packageId", "is required");
        }
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            requireClient(tenant, client).requireProcessable();
            PrepaidPackage offer = packages.byId(tenant, packageId)
                    .orElseThrow(() -> new UnprocessableException("packageId", "is not a package of this center"));
            if (offer.retired()) {
                throw new UnprocessableException("packageId", "is retired: it is sold no more");
            }
            BillingCenter center = invoices.center(tenant);
            String rate = offer.taxRate().orElseGet(() -> catalogue.service(tenant, offer.services().get(0))
                    .map(Service::taxRate)
                    .orElseThrow(() -> new IllegalStateException("a package's service is never deleted")));
            StoredInvoice draft;
            try {
                draft = invoices.draftIn(tenant, center, new DraftInvoiceCommand(client, Optional.empty(),
                        InvoiceKind.FULL, List.of(new InvoiceLineCommand(offer.name(), Quantity.ONE, offer.price(),
                                rate, Optional.empty())), Optional.empty()), now);
            } catch (ValidationException e) {
                // The caller sent a package id, not lines: a rate retired since the package was made is
                // the package's fault, and nothing new is sold at a retired rate.
                if (e.errors().stream().anyMatch(f -> f.field().equals("lines[0].taxRate"))) {
                    throw new UnprocessableException("packageId", "is sold at the tax rate '" + rate
                            + "', which the center has retired: retire the package and make it again");
                }
                throw e;
            }
            StoredInvoice issued = invoices.issueIn(tenant, center, draft, now);
            LocalDate today = LocalDate.ofInstant(now, center.profile().timeZone());
            ClientPackage sold = ClientPackage.sold(new ClientPackageId(ids.next()), offer.id(), client, offer.name(),
                    offer.entitlement(), offer.price(), today.plusDays(offer.validityDays()), issued.id(), now);
            packages.sell(tenant, sold);
            record(principal, "invoice.issue", InvoicesService.SUBJECT, issued.id().value(), now);
            record(principal, "client_package.sell", CLIENT_PACKAGE, sold.id().value(), now);
            return new ClientPackageView(sold, sold.stateOn(today));
        });
    }

    /** The client's packages, oldest first, with where each stands today; a client the center lacks is a 404. */
    public Page<ClientPackageView> ofClient(Principal principal, ClientId client, PageRequest page) {
        Required.field(client, "id");
        Permissions.require(principal, Permission.VIEW_PACKAGES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            requireClient(tenant, client);
            LocalDate today = today(tenant);
            Page<ClientPackage> found = packages.ofClient(tenant, client, page);
            audit.record(AuditEvent.by(principal, "client_package.list", CLIENT_PACKAGE, Optional.empty(),
                    InvoicesService.PURPOSE, found.items().size(), clock.instant()));
            return new Page<>(found.items().stream().map(p -> new ClientPackageView(p, p.stateOn(today))).toList(),
                    found.next());
        });
    }

    public ClientPackageView clientPackage(Principal principal, ClientPackageId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.VIEW_PACKAGES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            ClientPackage held = packages.clientPackage(tenant, id)
                    .orElseThrow(() -> new NotFoundException("client package"));
            record(principal, "client_package.read", CLIENT_PACKAGE, id.value(), clock.instant());
            return new ClientPackageView(held, held.stateOn(today(tenant)));
        });
    }

    // Refund ------------------------------------------------------------------------------------------

    /**
     * Refunds the unused part (administrators): a credit note against the sale invoice, issued at
     * once, with one line of {@code price × remaining / total} rounded half up to the minor unit (in
     * the center's price basis, at the sale line's tax rate), and the package closed ({@code
     * refunded}). A refunded or fully used package is a 409; the reason is required (400).
     */
    public ClientPackageView refund(Principal principal, ClientPackageId id, String reason) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.ISSUE_CREDIT_NOTES);
        TenantId tenant = principal.requireTenant();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > Invoice.MAX_REASON) {
            throw new ValidationException("reason", "must be 1 to " + Invoice.MAX_REASON + " characters");
        }
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            ClientPackage held = packages.lock(tenant, id).orElseThrow(() -> new NotFoundException("client package"));
            InvoiceId noteId = new InvoiceId(ids.next());
            ClientPackage closed = held.refunded(noteId, now);
            Money amount = closed.refund().orElseThrow().amount();
            StoredInvoice sale = invoices.load(tenant, held.saleInvoice());
            Invoice original = seal.open(tenant, sale);
            ChargeLine sold = original.lines().get(0);
            String description = held.name() + ": unused " + held.remaining().units() + " of "
                    + held.total().units() + " " + unitName(held.total());
            Invoice note = original.creditNote(noteId, List.of(ChargeLine.of(description, Quantity.ONE, amount,
                    sold.taxRate())), null, why, now);
            BillingCenter center = invoices.center(tenant);
            invoices.issueCreditNote(tenant, center, sale, note, now);
            if (!packages.update(tenant, closed)) {
                throw new ConflictException("the package changed meanwhile; read it again");
            }
            record(principal, "invoice.credit_note", InvoicesService.SUBJECT, noteId.value(), now);
            record(principal, "client_package.refund", CLIENT_PACKAGE, id.value(), now);
            return new ClientPackageView(closed, closed.stateOn(LocalDate.ofInstant(now,
                    center.profile().timeZone())));
        });
    }

    private static String unitName(Entitlement e) {
        if (e instanceof Entitlement.Credit c) {
            return c.amount().currency().getCurrencyCode() + " minor units of credit";
        }
        return e instanceof Entitlement.Allowance a ? a.unit().wireName() : "sessions";
    }

    // Redemption --------------------------------------------------------------------------------------

    /**
     * Debits {@code amount} of {@code unit} from a client's allowance package: what a device session
     * used (issue 13). Any center role running the session may. The package must be valid today (409
     * otherwise), of that unit (422 naming {@code unit}), with that much left (409: the balance never
     * goes below zero, also under concurrent debits). The debit is recorded with who made it and the
     * appointment, if any.
     */
    public ClientPackageView debitAllowance(Principal principal, ClientPackageId id, AllowanceUnit unit, long amount,
                                            Optional<AppointmentId> appointment) {
        Required.field(id, "id");
        Required.field(unit, "unit");
        Permissions.require(principal, Permission.REDEEM_PACKAGES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            ClientPackage held = packages.lock(tenant, id).orElseThrow(() -> new NotFoundException("client package"));
            LocalDate today = today(tenant);
            if (!held.validOn(today)) {
                throw new ConflictException("this package is " + held.stateOn(today).wireName() + ": it debits nothing",
                        Map.of("status", held.stateOn(today).wireName()));
            }
            ClientPackage next = held.debitAllowance(unit, amount);
            if (!packages.update(tenant, next)) {
                throw new ConflictException("the package changed meanwhile; read it again");
            }
            packages.addRedemption(tenant, new PackageRedemption(ids.next(), id, appointment, "allowance", amount, now,
                    principal.userId()));
            record(principal, "client_package.debit", CLIENT_PACKAGE, id.value(), now);
            return new ClientPackageView(next, next.stateOn(today));
        });
    }

    /**
     * What a device session used (see {@link com.qleven.ports.billing.in.SessionUsageDebit}): in the
     * caller's unit, no principal; at most what is left, so the balance never goes below zero.
     */
    public Optional<ClientPackageId> debitSessionUsage(TenantId tenant, ClientId client, ServiceId service,
                                                       AppointmentId appointment, Map<String, Double> used,
                                                       UserId by, Instant at) {
        return transactions.inTenant(tenant, () -> {
            LocalDate today = today(tenant);
            // A client holds a few packages: their page, the allowances valid today covering the service,
            // expiring first first, each locked before it is debited.
            List<ClientPackage> candidates = packages.ofClient(tenant, client, new PageRequest(PageRequest.MAX_LIMIT,
                            Optional.empty())).items().stream()
                    .filter(p -> p.total() instanceof Entitlement.Allowance && p.validOn(today)
                            && p.remaining().units() > 0)
                    .filter(p -> packages.byId(tenant, p.packageId()).map(o -> o.services().contains(service))
                            .orElse(false))
                    .sorted(java.util.Comparator.comparing(ClientPackage::expiresOn)
                            .thenComparing(ClientPackage::soldAt))
                    .toList();
            for (ClientPackage candidate : candidates) {
                Optional<ClientPackage> locked = packages.lock(tenant, candidate.id());
                if (locked.isEmpty() || !(locked.get().total() instanceof Entitlement.Allowance allowance)) {
                    continue;
                }
                ClientPackage held = locked.get();
                Double amount = used.get(allowance.unit().wireName());
                long units = amount == null ? 0 : Math.min(Math.round(amount), held.remaining().units());
                if (units <= 0) {
                    continue;
                }
                ClientPackage next = held.debitAllowance(allowance.unit(), units);
                if (!packages.update(tenant, next)) {
                    continue;
                }
                packages.addRedemption(tenant, new PackageRedemption(ids.next(), held.id(), Optional.of(appointment),
                        "allowance", units, at, by));
                audit.record(new AuditEvent(Optional.of(tenant), Optional.of(by), Optional.empty(),
                        "client_package.debit_by_device", CLIENT_PACKAGE, Optional.of(held.id().value()),
                        InvoicesService.PURPOSE, 1, at));
                return Optional.of(held.id());
            }
            return Optional.empty();
        });
    }

    /**
     * Billing's part of a completed appointment, inside the scheduling unit that completed it: unless
     * the staff chose otherwise, one session (or the service's price in credit) is redeemed from the
     * client's package covering the service that expires first and is valid on the appointment's
     * local date; when none does (none held, expired, used up, or staff chose not to), an invoice for
     * the service is drafted (its name, its price, its tax rate), linked to the appointment; for a
     * client whose processing is restricted it is left to the desk (audited), never failing the step.
     */
    void onAppointmentChanged(AppointmentChanged changed) {
        if (!(changed.event() instanceof AppointmentEvent.AppointmentCompleted)) {
            return;
        }
        TenantId tenant = changed.tenant();
        Appointment appointment = changed.appointment();
        Instant now = now();
        Service service = catalogue.service(tenant, appointment.service())
                .orElseThrow(() -> new IllegalStateException("an appointment's service is never deleted"));
        BillingCenter center = invoices.center(tenant);
        if (changed.redeemPackage() && redeem(changed, service, center, now)) {
            return;
        }
        if (clients.require(tenant, appointment.client(), "clientId").restricted()) {
            // Billing makes no invoice for a client whose processing is restricted (InvoicesService),
            // yet the treatment was given: the completion stands, and the desk drafts the invoice once
            // the restriction is lifted; the audit trail names the appointment left to invoice.
            record(changed.by(), "invoice.deferred_restricted", "appointment", appointment.id().value(), now);
            return;
        }
        if (invoices.billing(tenant, appointment.id()).isPresent()) {
            // The desk billed it already (before the treatment, say): one appointment, one bill.
            return;
        }
        // The service names its rate already: a rate retired since still applies to what names it, so a
        // completion never fails on it (the client was checked just above, the appointment is its own).
        TaxRate rate = taxRates.rateOf(tenant, service.taxRate()).orElseThrow(() ->
                new IllegalStateException("service " + service.id() + " names a tax rate its center lacks"));
        StoredInvoice draft = invoices.draftLinesIn(tenant, center, new DraftInvoiceCommand(appointment.client(),
                Optional.of(appointment.id()), InvoiceKind.FULL, List.of(), Optional.empty()),
                List.of(ChargeLine.of(service.name(), Quantity.ONE, service.price(), rate)), now);
        record(changed.by(), "invoice.create", InvoicesService.SUBJECT, draft.id().value(), now);
    }

    private boolean redeem(AppointmentChanged changed, Service service, BillingCenter center, Instant now) {
        TenantId tenant = changed.tenant();
        Appointment appointment = changed.appointment();
        LocalDate day = LocalDate.ofInstant(appointment.start(), center.profile().timeZone());
        for (ClientPackage held : packages.redeemable(tenant, appointment.client(), service.id(), day)) {
            ClientPackage next;
            long units;
            if (held.total() instanceof Entitlement.Sessions) {
                next = held.redeemSession();
                units = 1;
            } else if (held.total() instanceof Entitlement.Credit credit
                    && credit.amount().currency().equals(service.price().currency())
                    && service.price().amountMinor() > 0
                    && held.remaining().units() >= service.price().amountMinor()) {
                next = held.debitCredit(service.price());
                units = service.price().amountMinor();
            } else {
                continue;
            }
            if (!packages.update(tenant, next)) {
                continue;
            }
            packages.addRedemption(tenant, new PackageRedemption(ids.next(), held.id(), Optional.of(appointment.id()),
                    next.total().kind(), units, now, changed.by().userId()));
            record(changed.by(), "client_package.redeem", CLIENT_PACKAGE, held.id().value(), now);
            return true;
        }
        return false;
    }

    // Report ------------------------------------------------------------------------------------------

    /**
     * The center's outstanding package liability today (administrators): the unused value of every
     * package valid today, per package of the catalogue and in all, each sold package rounded on its
     * own as its refund would be.
     */
    public PackageLiability liability(Principal principal) {
        Permissions.require(principal, Permission.VIEW_FINANCIAL_REPORTS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            BillingCenter center = invoices.center(tenant);
            LocalDate today = LocalDate.ofInstant(now, center.profile().timeZone());
            Map<PackageId, PackageLiability.Line> lines = new LinkedHashMap<>();
            long total = 0;
            long count = 0;
            for (Packages.Outstanding o : packages.outstanding(tenant, today)) {
                long value = Math.multiplyExact(ClientPackage.unusedValue(o.price(), o.total(), o.remaining())
                        .amountMinor(), o.count());
                total = Math.addExact(total, value);
                count += o.count();
                lines.merge(o.packageId(), new PackageLiability.Line(o.packageId(), o.name(), o.kind(), o.count(),
                        new Money(value, o.price().currency())), (a, b) -> new PackageLiability.Line(a.packageId(),
                        a.name(), a.kind(), a.packagesSold() + b.packagesSold(), a.value().plus(b.value())));
            }
            audit.record(AuditEvent.by(principal, "report.package_liability", "report", Optional.empty(),
                    InvoicesService.PURPOSE, lines.size(), now));
            return new PackageLiability(today, new Money(total, center.profile().currency()), count,
                    new ArrayList<>(lines.values()));
        });
    }

    // --------------------------------------------------------------------------------------------------

    /** The client's standing; a client the center does not have is a 404 (its id is in the path). */
    private BookableClients.Standing requireClient(TenantId tenant, ClientId client) {
        try {
            return clients.require(tenant, client, "id");
        } catch (UnprocessableException e) {
            throw new NotFoundException("client");
        }
    }

    private LocalDate today(TenantId tenant) {
        return LocalDate.ofInstant(clock.instant(), invoices.center(tenant).profile().timeZone());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void record(Principal principal, String action, String subject, UUID id, Instant at) {
        audit.record(AuditEvent.by(principal, action, subject, Optional.of(id), InvoicesService.PURPOSE, 1, at));
    }
}
