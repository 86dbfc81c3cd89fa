package com.qleven.application.clients;

import com.qleven.domain.clients.BillingIdentity;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.in.InvoiceRecipient;
import com.qleven.ports.clients.in.InvoiceRecipients;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a client as an invoice's recipient in the caller's unit of work: one statement for the row
 * and its restriction, then the billing identity and (when it has no name) the full name are
 * decrypted, their keys (the center's finance key, the client's own) read in one go.
 */
public final class InvoiceRecipientsService implements InvoiceRecipients {
    private final ClientRestrictions restrictions;
    private final FieldCipher cipher;
    private final ClientSeal seal;

    public InvoiceRecipientsService(ClientRestrictions restrictions, FieldCipher cipher) {
        this.restrictions = restrictions;
        this.cipher = cipher;
        this.seal = new ClientSeal(cipher);
    }

    @Override
    public InvoiceRecipient recipient(TenantId tenant, ClientId client) {
        Required.field(tenant, "tenant");
        Required.field(client, "client");
        ClientRestrictions.ClientAndRestriction found = restrictions.clientAndRestriction(tenant, client)
                .orElseThrow(() -> new NotFoundException("client"));
        StoredClient stored = found.client();
        // A list, not List.of: the billing identity may be null, which preload passes over.
        List<byte[]> sealed = new ArrayList<>();
        sealed.add(stored.billingIdentity());
        sealed.add(stored.fullName());
        cipher.preload(sealed);
        Optional<BillingIdentity> billing = seal.billingIdentity(stored);
        String name = billing.flatMap(BillingIdentity::name)
                .orElseGet(() -> cipher.decrypt(ClientSeal.aad("fullName", tenant, client), stored.fullName()));
        return new InvoiceRecipient(client, name, billing.flatMap(BillingIdentity::address).orElse(""),
                billing.flatMap(BillingIdentity::taxId), found.restricted());
    }
}
