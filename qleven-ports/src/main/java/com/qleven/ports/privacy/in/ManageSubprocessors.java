package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.domain.tenancy.Principal;
import java.util.List;
import java.util.Optional;

/** The sub-processor register: edited by platform operators, read by everyone signed in. */
public interface ManageSubprocessors {

    /** A new entry (operators only). */
    Subprocessor add(Principal principal, SubprocessorFields fields);

    /**
     * Changes the given fields of an entry (operators only); absent ones stay as they are.
     *
     * @throws com.qleven.domain.shared.NotFoundException when there is no such entry
     */
    Subprocessor update(Principal principal, SubprocessorId id, SubprocessorChange change);

    /** The whole register, by name. */
    List<Subprocessor> list(Principal principal);

    record SubprocessorFields(String name, String purpose, String region, String transferSafeguard) {
    }

    record SubprocessorChange(Optional<String> name, Optional<String> purpose, Optional<String> region,
                              Optional<String> transferSafeguard) {
        public SubprocessorChange {
            name = name == null ? Optional.empty() : name;
            purpose = purpose == null ? Optional.empty() : purpose;
            region = region == null ? Optional.empty() : region;
            transferSafeguard = transferSafeguard == null ? Optional.empty() : transferSafeguard;
        }
    }
}
