package com.qleven.application.billing;

import com.qleven.application.Foundation;
import com.qleven.application.clients.BookableClients;
import com.qleven.domain.billing.AllowanceUnit;
import com.qleven.domain.billing.BillingSettings;
import com.qleven.domain.billing.ClientPackageId;
import com.qleven.domain.billing.PackageId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.ports.billing.in.ClientPackageView;
import com.qleven.ports.billing.in.PackageCommand;
import com.qleven.ports.billing.in.PackageLiability;
import com.qleven.ports.billing.out.PrepaidPackage;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.billing.in.CashReport;
import com.qleven.ports.billing.in.DraftInvoiceCommand;
import com.qleven.ports.billing.in.InvoiceLineCommand;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.in.PaymentCommand;
import com.qleven.ports.billing.in.PaymentReceipt;
import com.qleven.ports.billing.in.SeriesCheck;
import com.qleven.ports.billing.in.TaxRateCheck;
import com.qleven.ports.billing.in.TaxRateView;
import com.qleven.ports.billing.out.InvoiceRenderer;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.Payment;
import com.qleven.ports.billing.out.PaymentProvider;
import com.qleven.ports.clients.in.InvoiceRecipients;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Billing, {@code qleven.billing()}: the center's tax rates and billing settings, invoices and credit
 * notes, payments, refunds and deposits, the daily cash report, and prepaid packages. Every verb
 * checks the principal's permission itself.
 */
public final class BillingFacade {
    private final com.qleven.ports.billing.out.Packages packageStore;
    private final TaxRatesService taxRates;
    private final InvoicesService invoices;
    private final BillingRegistry registry;
    private final PaymentsService payments;
    private final FeesService fees;
    private final PackagesService packages;

    /** Wires the context's services with the desk's word as the payment provider ({@link ManualPaymentProvider}). */
    public BillingFacade(Foundation f, InvoiceRecipients recipients, Optional<InvoiceRenderer> renderer) {
        this(f, recipients, renderer, new ManualPaymentProvider());
    }

    /** Wires the context's services, each with the narrow ports it uses; money moves through {@code provider}. */
    public BillingFacade(Foundation f, InvoiceRecipients recipients, Optional<InvoiceRenderer> renderer,
                         PaymentProvider provider) {
        taxRates = new TaxRatesService(f.store().shared().transactions(), f.store().tenancy().centers(),
                f.store().billing().taxRates(), f.audit(), f.clock());
        InvoiceSeal seal = new InvoiceSeal(f.cipher());
        invoices = new InvoicesService(f.store().shared().transactions(), f.store().billing().centers(),
                f.store().billing().invoices(), f.store().billing().invoiceSeries(), f.store().billing().payments(),
                taxRates,
                new BookableClients(f.store().clients().clientRestrictions()), recipients, seal, f.audit(), f.ids(),
                f.clock(), renderer, f.store().scheduling().appointments());
        packageStore = f.store().billing().packages();
        registry = new BillingRegistry(f.store().billing().invoices(), f.store().billing().packages(), seal);
        payments = new PaymentsService(f.store().shared().transactions(), invoices, f.store().billing().invoices(),
                f.store().billing().payments(), f.store().scheduling().appointments(), provider, f.audit(), f.ids(),
                f.clock());
        fees = new FeesService(invoices, taxRates, f.store().scheduling().catalogue(),
                new BookableClients(f.store().clients().clientRestrictions()), f.audit(), f.clock());
        packages = new PackagesService(f.store().shared().transactions(), f.store().billing().packages(),
                f.store().scheduling().catalogue(), invoices, seal, taxRates,
                new BookableClients(f.store().clients().clientRestrictions()), f.audit(), f.ids(), f.clock());
    }

    /** The center's tax rates by code, seeded from its country the first time; retired ones when asked. */
    public List<TaxRateView> taxRates(Principal principal, boolean includeRetired) {
        return taxRates.list(principal, includeRetired);
    }

    /** Adds a rate (administrators); a code the center has already, retired or not, is a conflict naming {@code code}. */
    public TaxRateView addTaxRate(Principal principal, TaxRate rate) {
        return taxRates.add(principal, rate);
    }

    /** Retires a rate (administrators): kept for what names it already, offered for nothing new. */
    public TaxRateView retireTaxRate(Principal principal, String code) {
        return taxRates.retire(principal, code);
    }

    /** The check as a port, for the services of other contexts (a service names an offered rate). */
    public TaxRateCheck taxRateCheck() {
        return taxRates;
    }

    /** The center's billing settings (the defaults until an administrator saves some). */
    public BillingSettings settings(Principal principal) {
        return invoices.settings(principal);
    }

    /** Replaces the center's billing settings: administrators. */
    public BillingSettings saveSettings(Principal principal, BillingSettings settings) {
        return invoices.saveSettings(principal, settings);
    }

    /** A new draft invoice; bad lines are a 400 naming each ({@code lines[0].taxRate}, …). */
    public InvoiceView draftInvoice(Principal principal, DraftInvoiceCommand command) {
        return invoices.draft(principal, command);
    }

    /** Replaces a draft's lines and discount; an issued invoice is a 409 (it never changes). */
    public InvoiceView changeDraft(Principal principal, InvoiceId id, List<InvoiceLineCommand> lines,
                                   Optional<Money> discount, Optional<Long> expectedVersion) {
        return invoices.changeDraft(principal, id, lines, discount, expectedVersion);
    }

    /**
     * Deletes a draft (a fee waived, a draft made by mistake); an issued invoice is a 409, a stale
     * {@code expectedVersion} a 412.
     */
    public void discardDraft(Principal principal, InvoiceId id, Optional<Long> expectedVersion) {
        invoices.discardDraft(principal, id, expectedVersion);
    }

    /** Issues a draft into the center's gapless series, chained to the series' last invoice. */
    public InvoiceView issueInvoice(Principal principal, InvoiceId id) {
        return invoices.issue(principal, id);
    }

    public InvoiceView invoice(Principal principal, InvoiceId id) {
        return invoices.get(principal, id);
    }

    /** The issued invoice or credit note as PDF ({@code application/pdf}); a draft is a 409. */
    public byte[] invoicePdf(Principal principal, InvoiceId id) {
        return invoices.pdf(principal, id);
    }

    /** The center's invoices (a client's, a status's), newest first. */
    public Page<InvoiceView> invoices(Principal principal, Invoices.InvoiceFilter filter, PageRequest page) {
        return invoices.list(principal, filter, page);
    }

    /** A credit note, issued at once, for the whole invoice or some of its lines: administrators. */
    public InvoiceView creditNote(Principal principal, InvoiceId id, boolean full,
                                  List<InvoicesService.CreditLine> lines, String reason) {
        return invoices.creditNote(principal, id, full, lines, reason);
    }

    /** Checks the hash chain and the numbering of one series: administrators. */
    public SeriesCheck verifySeries(Principal principal, InvoiceNumber.Series series) {
        return invoices.verify(principal, series);
    }

    /**
     * Records a payment of an issued invoice (up to its balance) or, on an issued credit note, a refund
     * (up to what it leaves to give back; administrators); answers the payment and the new balance.
     */
    public PaymentReceipt recordPayment(Principal principal, InvoiceId id, PaymentCommand command) {
        return payments.pay(principal, id, command);
    }

    /** An invoice's payments and refunds, and the deposits applied to it, in the order money moved. */
    public List<Payment> payments(Principal principal, InvoiceId id) {
        return payments.paymentsOf(principal, id);
    }

    /** Records a deposit taken against a booked appointment; its invoice takes it as paid when issued. */
    public Payment takeDeposit(Principal principal, AppointmentId id, PaymentCommand command) {
        return payments.takeDeposit(principal, id, command);
    }

    /** The deposits taken against an appointment, applied or not. */
    public List<Payment> deposits(Principal principal, AppointmentId id) {
        return payments.deposits(principal, id);
    }

    /** The day's payments, refunds and deposits per method in the center's local day, and the totals. */
    public CashReport cashReport(Principal principal, LocalDate date) {
        return payments.cashReport(principal, date);
    }

    /**
     * The center's fee policy, for {@code scheduling().onAppointmentChanged}: a no-show, or a staff
     * cancellation inside the cancellation window, drafts an invoice for the fee in the step's unit.
     */
    public Consumer<AppointmentChanged> feePolicy() {
        return fees;
    }

    // Prepaid packages --------------------------------------------------------------------------------

    /** Adds a package to the catalogue: administrators; a service not the center's is a 422 naming {@code serviceIds[i]}. */
    public PrepaidPackage createPackage(Principal principal, PackageCommand command) {
        return packages.create(principal, command);
    }

    /** The packages on sale, oldest first; retired ones on request. */
    public Page<PrepaidPackage> packages(Principal principal, boolean includeRetired, PageRequest page) {
        return packages.list(principal, includeRetired, page);
    }

    public PrepaidPackage prepaidPackage(Principal principal, PackageId id) {
        return packages.get(principal, id);
    }

    /** Retires a package: sold no more, the packages sold with it unchanged. */
    public PrepaidPackage retirePackage(Principal principal, PackageId id) {
        return packages.retire(principal, id);
    }

    /** Sells a package to a client, its invoice issued in the same unit; the client's package links to it. */
    public ClientPackageView sellPackage(Principal principal, ClientId client, PackageId packageId) {
        return packages.sell(principal, client, packageId);
    }

    /** The client's packages with their balance, expiry and state today. */
    public Page<ClientPackageView> clientPackages(Principal principal, ClientId client, PageRequest page) {
        return packages.ofClient(principal, client, page);
    }

    public ClientPackageView clientPackage(Principal principal, ClientPackageId id) {
        return packages.clientPackage(principal, id);
    }

    /**
     * Refunds a package's unused part by a credit note of {@code price × remaining / total} (half up)
     * against its sale invoice, and closes it: administrators.
     */
    public ClientPackageView refundPackage(Principal principal, ClientPackageId id, String reason) {
        return packages.refund(principal, id, reason);
    }

    /** Debits a client's allowance package by what a device session used; never below zero (409). */
    public ClientPackageView debitAllowance(Principal principal, ClientPackageId id, AllowanceUnit unit, long amount,
                                            Optional<AppointmentId> appointment) {
        return packages.debitAllowance(principal, id, unit, amount, appointment);
    }

    /** The center's outstanding package liability today: administrators. */
    public PackageLiability packageLiability(Principal principal) {
        return packages.liability(principal);
    }

    /**
     * Billing's listener of appointments' lifecycle ({@code scheduling().onAppointmentChanged}): a
     * completed appointment redeems a covering package, or gets a draft invoice.
     */
    public Consumer<AppointmentChanged> appointmentListener() {
        return packages::onAppointmentChanged;
    }

    /** What billing holds about a client, for the privacy registry (export, and erasure that keeps invoices). */
    public BillingRegistry privacyRegistry() {
        return registry;
    }

    /**
     * The clients holding a package with uses left, for a campaign's segment; in the caller's unit of
     * work, one statement, no permission.
     */
    /** What device sessions debit from clients' allowance packages, with no principal (issue 13). */
    public com.qleven.ports.billing.in.SessionUsageDebit sessionUsageDebit() {
        return packages::debitSessionUsage;
    }

    public com.qleven.ports.billing.in.PackageHolders packageHolders() {
        return packageStore::holders;
    }
}
