package com.qleven.application.scheduling;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.util.Collection;

/**
 * Seals and opens an appointment's cancellation reason (it may say why a client cannot come: health
 * data) under the client's data key, so erasing the client leaves nothing readable; the erasure
 * first rewrites the reasons under the center's erased-client key (see {@link AppointmentsEraser}).
 */
final class AppointmentSeal {
    static final String CLIENT_KEY_KIND = "client";
    static final String ERASED_KEY_KIND = "erased_client";
    private final FieldCipher cipher;

    AppointmentSeal(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored form at {@code version}, its reason (if cancelled) sealed. */
    StoredAppointment seal(TenantId tenant, Appointment a, long version) {
        byte[] reason = a.cancellation() == null ? null
                : cipher.encrypt(new KeyScope(CLIENT_KEY_KIND, a.client().value()), aad(tenant, a.id()),
                a.cancellation().reason());
        return StoredAppointment.of(tenant, a, reason, version);
    }

    /** The reason sealed under the center's key for erased clients: no longer the person's. */
    byte[] sealErased(TenantId tenant, AppointmentId id, String reason) {
        return cipher.encrypt(new KeyScope(ERASED_KEY_KIND, tenant.value()), aad(tenant, id), reason);
    }

    Appointment open(StoredAppointment s) {
        return s.toAppointment(s.cancellation()
                .map(c -> cipher.decrypt(aad(s.tenant(), s.id()), c.sealedReason())).orElse(null));
    }

    /** Reads the keys of a page's reasons in one go before opening them one by one. */
    void preload(Collection<StoredAppointment> page) {
        cipher.preload(page.stream().map(s -> s.cancellation().map(c -> c.sealedReason()).orElse(null)).toList());
    }

    static KeyScope clientScope(ClientId client) {
        return new KeyScope(CLIENT_KEY_KIND, client.value());
    }

    private static String aad(TenantId tenant, AppointmentId id) {
        return "appointment|cancellationReason|" + tenant + "|" + id;
    }
}
