package com.qleven.domain.tenancy;

import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in. Global: one account per email, possibly a member of several centers.
 * {@code ageConfirmedAt} records when the person confirmed being 16 or older; platform operators
 * have {@code operator} set and belong to no center.
 */
public record Account(UserId id, PersonDetails person, Instant ageConfirmedAt, boolean operator, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(ageConfirmedAt, "ageConfirmedAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
