package com.qleven.ports.scheduling.out;

import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Manage links of public bookings: only a keyed hash of each token (64 lowercase hex digits), with
 * its appointment and expiry, in a global row since the link carries no center. Writes join the
 * unit of work open on the thread.
 */
public interface ManageLinks {

    record ManageLink(String tokenHash, TenantId tenant, AppointmentId appointment, Instant expiresAt,
                      Instant createdAt) {
        public ManageLink {
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(createdAt, "createdAt");
            if (!tokenHash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a token hash is 64 lowercase hex digits");
            }
            if (!expiresAt.isAfter(createdAt)) {
                throw new IllegalArgumentException("a manage link expires after it is made");
            }
        }
    }

    void add(ManageLink link);

    /** The link of this hash while it has not expired at {@code now}; works in a global unit of work. */
    Optional<ManageLink> byTokenHash(String tokenHash, Instant now);

    /** Removes every link of the appointment; how many there were. */
    int revokeFor(TenantId tenant, AppointmentId appointment);

    /**
     * Housekeeping: removes up to {@code batch} links expired by {@code now}, skipping rows another
     * unit holds, as the other global token tables are purged (docs/configuration.md); how many.
     */
    int removeExpired(Instant now, int batch);
}
