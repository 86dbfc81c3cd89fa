package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The global accounts. */
public interface Accounts {

    void add(StoredAccount account);

    Optional<StoredAccount> byId(UserId id);

    /** The accounts among the ids that exist, in no particular order. */
    List<StoredAccount> byIds(Collection<UserId> ids);

    /**
     * Up to {@code limit} accounts in ascending id order, after {@code after} when given: a walk
     * over every account a page at a time, so that no unit of work holds them all.
     */
    List<StoredAccount> pageAfter(Optional<UserId> after, int limit);

    /** Replaces the account's password hash. */
    void changePasswordHash(UserId id, String passwordHash);
}
