package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.account;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.privacy.PolicyNotice;
import com.qleven.domain.privacy.PolicyVersion;
import com.qleven.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every {@code PolicyVersions} implementation promises. */
public abstract class PolicyVersionsContract {
    private static final String SHA = "a".repeat(64);

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private <T> T global(Supplier<T> work) {
        return store().shared().transactions().global(work);
    }

    private UserId accountId() {
        UserId id = newUser();
        store().shared().transactions().global(() -> store().tenancy().accounts().add(account(id)));
        return id;
    }

    /** Versions are unique per store; the class's store outlives a test, so each test names its own. */
    private static String name() {
        return "v-" + UUID.randomUUID();
    }

    private PolicyVersion version(String name, Instant effectiveAt, UserId by) {
        return new PolicyVersion(name, "The policy text, with ñ and \u00e9.\n", SHA, T0, effectiveAt, by);
    }

    @Test
    public void a_version_comes_back_whole_and_a_second_of_the_same_name_is_refused_unchanged() {
        UserId by = accountId();
        PolicyVersion first = version(name(), T0.plusSeconds(60), by);

        assertThat(global(() -> store().privacy().policyVersions().add(first))).isTrue();
        PolicyVersion again = new PolicyVersion(first.version(), "other", "b".repeat(64), T0, T0, by);
        assertThat(global(() -> store().privacy().policyVersions().add(again))).isFalse();

        assertThat(global(() -> store().privacy().policyVersions().byVersion(first.version()))).contains(first);
        assertThat(global(() -> store().privacy().policyVersions().byVersion(name()))).isEmpty();
    }

    @Test
    public void the_version_in_effect_is_the_latest_whose_effective_time_has_come() {
        UserId by = accountId();
        // Far in the future, so that other tests' versions in the same store are older.
        Instant base = Instant.parse("2999-01-01T00:00:00Z");
        PolicyVersion earlier = version(name(), base, by);
        PolicyVersion later = version(name(), base.plus(Duration.ofDays(10)), by);
        global(() -> store().privacy().policyVersions().add(later));
        global(() -> store().privacy().policyVersions().add(earlier));

        assertThat(global(() -> store().privacy().policyVersions().inEffectAt(base.minusNanos(1000))))
                .isNotEqualTo(java.util.Optional.of(earlier)).isNotEqualTo(java.util.Optional.of(later));
        assertThat(global(() -> store().privacy().policyVersions().inEffectAt(base))).contains(earlier);
        assertThat(global(() -> store().privacy().policyVersions().inEffectAt(later.effectiveAt().minusNanos(1000))))
                .contains(earlier);
        assertThat(global(() -> store().privacy().policyVersions().inEffectAt(later.effectiveAt()))).contains(later);
    }

    @Test
    public void a_notice_is_kept_once_and_leaves_the_unread_list_when_the_version_is_accepted() {
        UserId by = accountId();
        UserId reader = accountId();
        PolicyVersion older = version(name(), T0, by);
        PolicyVersion newer = version(name(), T0.plusSeconds(3600), by);
        global(() -> store().privacy().policyVersions().add(older));
        global(() -> store().privacy().policyVersions().add(newer));
        PolicyNotice olderNotice = new PolicyNotice(reader, older.version(), older.effectiveAt(), T0);
        PolicyNotice newerNotice = new PolicyNotice(reader, newer.version(), newer.effectiveAt(), T0);

        store().shared().transactions().global(() -> {
            store().privacy().policyVersions().notify(olderNotice);
            store().privacy().policyVersions().notify(newerNotice);
            store().privacy().policyVersions().notify(new PolicyNotice(reader, older.version(), older.effectiveAt(),
                    T0.plusSeconds(5)));
        });

        assertThat(global(() -> store().privacy().policyVersions().unread(reader))).containsExactly(newerNotice,
                olderNotice);
        assertThat(global(() -> store().privacy().policyVersions().unread(by))).isEmpty();
        assertThat(global(() -> store().privacy().policyVersions().accept(reader, older.version(), T0.plusSeconds(7))))
                .isTrue();
        assertThat(global(() -> store().privacy().policyVersions().accept(reader, older.version(), T0.plusSeconds(9))))
                .isFalse();
        assertThat(global(() -> store().privacy().policyVersions().acceptedAt(reader, older.version())))
                .contains(T0.plusSeconds(7));
        assertThat(global(() -> store().privacy().policyVersions().acceptedAt(reader, newer.version()))).isEmpty();
        assertThat(global(() -> store().privacy().policyVersions().unread(reader))).containsExactly(newerNotice);
    }

    @Test
    public void a_unit_that_rolls_back_leaves_no_version_notice_or_acceptance() {
        UserId by = accountId();
        PolicyVersion kept = version(name(), T0, by);
        global(() -> store().privacy().policyVersions().add(kept));
        PolicyVersion dropped = version(name(), T0, by);

        try {
            store().shared().transactions().global(() -> {
                store().privacy().policyVersions().add(dropped);
                store().privacy().policyVersions().notify(new PolicyNotice(by, kept.version(), kept.effectiveAt(), T0));
                store().privacy().policyVersions().accept(by, kept.version(), T0);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // The unit's writes must be gone.
        }

        assertThat(global(() -> store().privacy().policyVersions().byVersion(dropped.version()))).isEmpty();
        assertThat(global(() -> store().privacy().policyVersions().unread(by))).isEmpty();
        assertThat(global(() -> store().privacy().policyVersions().acceptedAt(by, kept.version()))).isEmpty();
    }
}
