package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** A new entry: every member is required, and each missing one is named. Lengths are checked by the entry. */
    record SubprocessorFields(String name, String purpose, String region, String transferSafeguard) {
        public SubprocessorFields {
            List<FieldError> missing = new ArrayList<>();
            Map<String, String> members = new LinkedHashMap<>();
            members.put("name", name);
            members.put("purpose", purpose);
            members.put("region", region);
            members.put("transferSafeguard", transferSafeguard);
            members.forEach((member, value) -> {
                if (value == null) {
                    missing.add(new FieldError(member, "is required"));
                }
            });
            if (!missing.isEmpty()) {
                throw new ValidationException(missing);
            }
        }
    }

    /** The members to change, each empty to keep it as it is. */
    record SubprocessorChange(Optional<String> name, Optional<String> purpose, Optional<String> region,
                              Optional<String> transferSafeguard) {
        private static final Set<String> MEMBERS = Set.of("name", "purpose", "region", "transferSafeguard");

        public SubprocessorChange {
            name = name == null ? Optional.empty() : name;
            purpose = purpose == null ? Optional.empty() : purpose;
            region = region == null ? Optional.empty() : region;
            transferSafeguard = transferSafeguard == null ? Optional.empty() : transferSafeguard;
        }

        /**
         * Reads a JSON merge patch of an entry whose values are as a JSON reader gives them: a member
         * must be one of the entry's and a {@code String}; every member of an entry is required, so
         * null cannot clear one. Names every bad member.
         */
        public static SubprocessorChange mergePatch(Map<String, ?> patch) {
            Required.field(patch, "change");
            List<FieldError> errors = new ArrayList<>();
            Map<String, Optional<String>> change = new LinkedHashMap<>();
            MEMBERS.forEach(m -> change.put(m, Optional.empty()));
            patch.forEach((member, value) -> {
                if (!MEMBERS.contains(member)) {
                    errors.add(new FieldError(member, "is not a member of a sub-processor"));
                } else if (value instanceof String text) {
                    change.put(member, Optional.of(text));
                } else {
                    errors.add(new FieldError(member, "must be a string"));
                }
            });
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new SubprocessorChange(change.get("name"), change.get("purpose"), change.get("region"),
                    change.get("transferSafeguard"));
        }
    }
}
