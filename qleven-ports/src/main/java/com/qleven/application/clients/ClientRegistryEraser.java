package com.qleven.application.clients;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.privacy.out.RegistryEraser;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Erases a client's record: the row stays (other contexts' records, such as the consent ledger's
 * decisions, point at it) but every personal field goes, the name becoming {@value #ERASED_NAME};
 * the blind indexes of phone and email and the name tokens are removed, the billing identity (sealed
 * under the center's finance key, which the erasure keeps for the invoices' own copies) is removed
 * from the row, and the client's data key
 * is shredded, so no host can decrypt anything under it from then on (ciphers keep a data key no
 * longer than the unit of work that read it, and this unit forgets it as it shreds it). Backups are another matter: one taken before the erasure
 * holds both the ciphertext and the wrapped key, and stays readable with the master key file until
 * it expires (docs/security.md says what backups keep and for how long).
 */
public final class ClientRegistryEraser implements RegistryEraser {
    static final String ERASED_NAME = "[erased]";
    /** The placeholder name is sealed under a key of the center, never under the shredded one. */
    private static final String ERASED_KEY_KIND = "erased_client";

    private final DataKeys dataKeys;
    private final Clients clients;
    private final FieldCipher cipher;
    private final Clock clock;

    public ClientRegistryEraser(DataKeys dataKeys, Clients clients, FieldCipher cipher, Clock clock) {
        this.dataKeys = dataKeys;
        this.clients = clients;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void erase(TenantId tenant, ClientId id) {
        clients.byId(tenant, id).ifPresent(s -> {
            StoredClient erased = new StoredClient(s.id(), s.tenant(),
                    cipher.encrypt(new KeyScope(ERASED_KEY_KIND, tenant.value()),
                            ClientSeal.aad("fullName", tenant, id), ERASED_NAME),
                    null, null, null, null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    s.createdAt(), clock.instant().truncatedTo(ChronoUnit.MICROS), s.version() + 1,
                    // Shredding the client's key would not reach it: it goes with the row's other fields.
                    null);
            if (!clients.update(erased, Set.of(), s.version())) {
                throw new com.qleven.domain.shared.ConflictException("the client changed meanwhile; erase again");
            }
        });
        dataKeys.shred(new KeyScope(ClientSeal.KEY_KIND, id.value()));
    }
}
