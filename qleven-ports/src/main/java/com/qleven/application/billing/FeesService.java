package com.qleven.application.billing;

import com.qleven.application.clients.BookableClients;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.ChargeLine;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.Quantity;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentEvent;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.billing.in.DraftInvoiceCommand;
import com.qleven.ports.billing.out.BillingCenters.BillingCenter;
import com.qleven.ports.billing.out.StoredInvoice;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.ports.scheduling.out.Catalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The center's fee policy at work: when staff record a no-show, or cancel inside the center's
 * cancellation window (a late cancellation: the client could no longer cancel online), it drafts an
 * invoice for the fee the policy sets, in the same unit of work as the step, so both commit or
 * neither does. The draft bills the appointment's client, links the appointment, has one line
 * ("No-show fee — Facial" or "Late cancellation fee — Facial") at the service's tax rate, and is
 * left for the desk to issue, or to delete to waive the fee. Nothing is drafted when the policy
 * charges no fee, when it comes to zero, or when the client's processing is restricted (GDPR Art. 18:
 * no new invoice for them). A client's own cancellation is never late (the window refuses it).
 */
final class FeesService implements Consumer<AppointmentChanged> {
    static final String NO_SHOW_LINE = "No-show fee — ";
    static final String LATE_CANCELLATION_LINE = "Late cancellation fee — ";
    private final InvoicesService invoices;
    private final TaxRatesService taxRates;
    private final Catalogue catalogue;
    private final BookableClients clients;
    private final AuditTrail audit;
    private final Clock clock;

    FeesService(InvoicesService invoices, TaxRatesService taxRates, Catalogue catalogue, BookableClients clients,
                AuditTrail audit, Clock clock) {
        this.invoices = invoices;
        this.taxRates = taxRates;
        this.catalogue = catalogue;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void accept(AppointmentChanged changed) {
        AppointmentEvent event = changed.event();
        boolean noShow = event instanceof AppointmentEvent.AppointmentNoShow;
        boolean lateCancellation = event instanceof AppointmentEvent.AppointmentCancelled c && c.late()
                && !c.by().isClient();
        if (!noShow && !lateCancellation) {
            return;
        }
        TenantId tenant = changed.tenant();
        Appointment appointment = changed.appointment();
        BillingCenter center = invoices.center(tenant);
        if (noShow ? center.settings().noShowFee().isEmpty() : center.settings().lateCancellationFee().isEmpty()) {
            return;
        }
        Service service = catalogue.service(tenant, appointment.service()).orElseThrow(() ->
                new IllegalStateException("appointment " + appointment.id() + " names a service its center lacks"));
        Optional<Money> fee = noShow ? center.settings().noShowFeeFor(service.price())
                : center.settings().lateCancellationFeeFor(service.price());
        if (fee.isEmpty() || fee.get().amountMinor() == 0
                || clients.require(tenant, appointment.client(), "clientId").restricted()) {
            return;
        }
        // The service names its rate already: a rate retired since still applies to what names it.
        TaxRate rate = taxRates.rateOf(tenant, service.taxRate()).orElseThrow(() ->
                new IllegalStateException("service " + service.id() + " names a tax rate its center lacks"));
        ChargeLine line = ChargeLine.of((noShow ? NO_SHOW_LINE : LATE_CANCELLATION_LINE) + service.name(),
                Quantity.ONE, fee.get(), rate);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DraftInvoiceCommand command = new DraftInvoiceCommand(appointment.client(), Optional.of(appointment.id()),
                InvoiceKind.FULL, List.of(), Optional.empty());
        StoredInvoice draft = invoices.draftLinesIn(tenant, center, command, List.of(line), now);
        audit.record(AuditEvent.by(changed.by(), noShow ? "invoice.no_show_fee" : "invoice.late_cancellation_fee",
                InvoicesService.SUBJECT, Optional.of(draft.id().value()), InvoicesService.PURPOSE, 1, now));
    }
}
