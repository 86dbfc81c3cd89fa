package com.qleven.application.messaging;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.messaging.SendFailure;
import com.qleven.application.privacy.CenterNotificationSeal;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.shared.BadGatewayException;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.messaging.in.AccountView;
import com.qleven.ports.messaging.in.ConnectAccountCommand;
import com.qleven.ports.messaging.in.EmbeddedSignupCommand;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.ConnectedAccount.AccountStatus;
import com.qleven.ports.messaging.out.GraphResult;
import com.qleven.ports.messaging.out.WhatsAppAccounts;
import com.qleven.ports.messaging.out.WhatsAppGateway;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.privacy.out.StoredNotification;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A center's connected number: connected by hand or through Embedded Signup by administrators,
 * read by every center role (never its token), marked for reconnection when Meta refuses its token.
 * Every Graph call is made outside any unit of work (no connection is held while Meta answers);
 * one unit then writes the result, so a refusal stores nothing.
 */
final class WhatsAppAccountsService {
    private static final System.Logger LOG = System.getLogger(WhatsAppAccountsService.class.getName());
    static final String RECONNECT_KIND = "whatsapp_reconnect";
    private static final String SUBJECT = "whatsapp_account";
    private static final String PURPOSE = "messaging";
    // Graph node ids: digits for Meta, letters and '_' allowed for invented ids in tests; never '/' or '.'.
    private static final Pattern GRAPH_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern DISPLAY_NUMBER = Pattern.compile("[+0-9 ()-]{1,40}");
    private static final Pattern PIN = Pattern.compile("[0-9]{6}");
    private static final int MAX_TOKEN = 4096;
    private static final int MAX_CODE = 2048;

    private final Transactions transactions;
    private final WhatsAppAccounts accounts;
    private final CenterNotifications notifications;
    private final Optional<WhatsAppGateway> gateway;
    private final boolean signupConfigured;
    private final TokenSeal tokens;
    private final CenterNotificationSeal notices;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;

    WhatsAppAccountsService(Transactions transactions, WhatsAppAccounts accounts, CenterNotifications notifications,
                            Optional<WhatsAppGateway> gateway, boolean signupConfigured, FieldCipher cipher,
                            AuditTrail audit, Clock clock, IdGenerator ids) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.notifications = notifications;
        this.gateway = gateway;
        this.signupConfigured = signupConfigured;
        this.tokens = new TokenSeal(cipher);
        this.notices = new CenterNotificationSeal(cipher);
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    AccountView connect(Principal principal, ConnectAccountCommand command) {
        Required.field(command, "body");
        Permissions.require(principal, Permission.CONNECT_WHATSAPP);
        TenantId tenant = principal.requireTenant();
        List<FieldError> errors = new ArrayList<>();
        String phoneNumberId = graphId(errors, "phoneNumberId", command.phoneNumberId());
        String wabaId = graphId(errors, "wabaId", command.wabaId());
        AccessToken token = token(errors, command.accessToken());
        String display = displayNumber(errors, command.displayPhoneNumber(), true);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return transactions.inTenant(tenant, () -> store(principal, phoneNumberId, wabaId, display, token,
                "whatsapp.connect"));
    }

    AccountView embeddedSignup(Principal principal, EmbeddedSignupCommand command) {
        Required.field(command, "body");
        Permissions.require(principal, Permission.CONNECT_WHATSAPP);
        TenantId tenant = principal.requireTenant();
        WhatsAppGateway graph = signupGateway();
        List<FieldError> errors = new ArrayList<>();
        String code = command.code();
        if (code == null || code.isBlank()) {
            errors.add(new FieldError("code", "is required"));
        } else if (code.length() > MAX_CODE || code.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            errors.add(new FieldError("code", "must be the code Embedded Signup gave"));
        }
        String wabaId = graphId(errors, "wabaId", command.wabaId());
        String phoneNumberId = graphId(errors, "phoneNumberId", command.phoneNumberId());
        if (command.pin() != null && !PIN.matcher(command.pin()).matches()) {
            errors.add(new FieldError("pin", "must be 6 digits"));
        }
        String display = displayNumber(errors, command.displayPhoneNumber(), false);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // Before the code is spent: a number another center holds is refused without calling Meta.
        Optional<TenantId> holder = transactions.global(() -> accounts.centerOfPhoneNumber(phoneNumberId));
        if (holder.isPresent() && !holder.get().equals(tenant)) {
            throw heldElsewhere();
        }
        AccessToken token = done("exchange the signup code", graph.exchangeSignupCode(code));
        if (command.pin() != null) {
            done("register the phone number", graph.registerPhoneNumber(token, phoneNumberId, command.pin()));
        }
        done("subscribe Qleven's app to the business account", graph.subscribeApp(token, wabaId));
        LOG.log(System.Logger.Level.INFO, "event=whatsapp_signup tenant=" + tenant);
        return transactions.inTenant(tenant, () -> store(principal, phoneNumberId, wabaId, display, token,
                "whatsapp.embedded_signup"));
    }

    AccountView view(Principal principal) {
        Permissions.require(principal, Permission.VIEW_TEMPLATES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> accounts.find(tenant))
                .map(WhatsAppAccountsService::view)
                .orElseThrow(() -> new NotFoundException("no WhatsApp number is connected"));
    }

    /**
     * Marks the center's number {@code reconnect_needed} and, the first time only, tells its
     * administrators through the center's notifications; in the caller's unit when one is open.
     */
    boolean markReconnectNeeded(TenantId tenant) {
        Required.field(tenant, "tenant");
        return transactions.inTenant(tenant, () -> {
            Instant now = now();
            if (!accounts.markReconnectNeeded(tenant, now)) {
                return false;
            }
            notifications.add(notice(tenant, now));
            LOG.log(System.Logger.Level.WARNING, "event=whatsapp_reconnect_needed tenant=" + tenant);
            return true;
        });
    }

    Optional<ConnectedAccount> account(TenantId tenant) {
        Required.field(tenant, "tenant");
        return transactions.inTenant(tenant, () -> accounts.find(tenant));
    }

    /** The account the center's Graph calls go through, connected, with its token opened. */
    Connected connected(TenantId tenant) {
        return transactions.inTenant(tenant, () -> {
            ConnectedAccount account = accounts.find(tenant)
                    .orElseThrow(() -> new ConflictException("connect a WhatsApp number first"));
            if (account.status() != AccountStatus.CONNECTED) {
                throw new ConflictException("Meta refused the number's token: connect the number again");
            }
            return new Connected(account, tokens.open(account));
        });
    }

    record Connected(ConnectedAccount account, AccessToken token) {
    }

    /**
     * The value of a Graph call that succeeded; a refusal is a problem carrying Meta's code (a 190
     * marks the number for reconnection when {@code tenant} is given), no answer a problem too.
     */
    <T> T done(String action, GraphResult<T> result) {
        return done(action, result, Optional.empty());
    }

    <T> T done(String action, GraphResult<T> result, Optional<TenantId> tenant) {
        if (result instanceof GraphResult.Done<T> ok) {
            return ok.value();
        }
        if (result instanceof GraphResult.Refused<T> refused) {
            SendFailure failure = refused.failure();
            if (failure.kind() == SendFailure.Kind.RECONNECT) {
                tenant.ifPresent(this::markReconnectNeeded);
            }
            throw new BadGatewayException("graph", Optional.of(failure.graphCode()),
                    "Meta refused to " + action + " (Graph error " + failure.graphCode() + "); nothing was stored");
        }
        throw new BadGatewayException("graph", Optional.empty(),
                "Meta did not answer the request to " + action + "; nothing was stored, try again");
    }

    WhatsAppGateway gateway() {
        return gateway.orElseThrow(() -> new ConflictException(
                "this host has no WhatsApp gateway: it cannot reach Meta"));
    }

    private WhatsAppGateway signupGateway() {
        if (!signupConfigured || gateway.isEmpty()) {
            throw new ConflictException("Embedded Signup is not configured on this host: it needs QLEVEN_META_APP_ID"
                    + " and QLEVEN_WHATSAPP_APP_SECRET; connect the number by hand instead");
        }
        return gateway.get();
    }

    private AccountView store(Principal principal, String phoneNumberId, String wabaId, String display,
                              AccessToken token, String action) {
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        long version = accounts.find(tenant).map(a -> a.version() + 1).orElse(1L);
        ConnectedAccount account = new ConnectedAccount(tenant, phoneNumberId, wabaId, display,
                tokens.seal(tenant, phoneNumberId, token), AccountStatus.CONNECTED, now, now, version);
        try {
            accounts.save(account);
        } catch (ConflictException e) {
            throw heldElsewhere();
        }
        audit.record(AuditEvent.by(principal, action, SUBJECT, Optional.of(tenant.value()), PURPOSE, 1, now));
        return view(account);
    }

    private StoredNotification notice(TenantId tenant, Instant at) {
        // Sealed as every center notification is, so the center's notification list opens it like any other.
        return notices.seal(new CenterNotification(tenant, ids.next(), RECONNECT_KIND, tenant.value(),
                "Reconnect your WhatsApp number",
                "Meta refused the access token of the center's WhatsApp number (Graph error 190): no WhatsApp"
                        + " message is sent until an administrator connects the number again, through Embedded"
                        + " Signup or with a new token. Messages already queued wait and go once it is connected.",
                at));
    }

    static AccountView view(ConnectedAccount a) {
        return new AccountView(a.phoneNumberId(), a.wabaId(), a.displayPhoneNumber(), a.status().wireName(),
                a.connectedAt());
    }

    private static ConflictException heldElsewhere() {
        return new ConflictException("another center has connected this WhatsApp number",
                java.util.Map.of("field", "phoneNumberId"));
    }

    private static String graphId(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!GRAPH_ID.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be Meta's id: digits, at most 64"));
            return null;
        }
        return value;
    }

    private static AccessToken token(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("accessToken", "is required"));
            return null;
        }
        if (value.length() > MAX_TOKEN || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            // The value is never echoed: it may be a real token with a typo.
            errors.add(new FieldError("accessToken", "must be an access token: printable characters without spaces,"
                    + " at most " + MAX_TOKEN));
            return null;
        }
        return new AccessToken(value);
    }

    private static String displayNumber(List<FieldError> errors, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError("displayPhoneNumber", "is required"));
            }
            return "";
        }
        String stripped = value.strip();
        if (!DISPLAY_NUMBER.matcher(stripped).matches() || stripped.chars().filter(Character::isDigit).count() < 5) {
            errors.add(new FieldError("displayPhoneNumber", "must be a phone number as people read it, such as"
                    + " +34 600 000 000"));
            return "";
        }
        return stripped;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
