package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.ports.shared.out.MailOutbox.QueuedMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@code MailOutbox} implementation promises. The outbox is global and may be shared by
 * the suite's tests, so each test works in a past of its own, earlier than every earlier test's:
 * mail the earlier tests left is never due in it.
 */
public abstract class MailOutboxContract {
    private static final java.util.concurrent.atomic.AtomicLong ERA = new java.util.concurrent.atomic.AtomicLong();

    protected abstract QlevenStore store();

    /** A moment no other test of the suite uses. */
    private static Instant era() {
        return T0.minus(Duration.ofDays(1000 * ERA.incrementAndGet()));
    }

    private static QueuedMail mail(Instant at) {
        return new QueuedMail(UUID.randomUUID(), randomBytes(40), randomBytes(30), randomBytes(200), at, at, 0,
                at.plus(Duration.ofHours(72)), Optional.empty());
    }

    private QueuedMail add(QueuedMail mail) {
        store().shared().transactions().global(() -> store().shared().mailOutbox().add(mail));
        return mail;
    }

    private List<QueuedMail> claim(Instant now, Instant lease, int limit) {
        return store().shared().transactions().global(() -> store().shared().mailOutbox().claimDue(now, lease, limit));
    }

    @Test
    public void queued_mail_comes_back_whole() {
        QueuedMail mail = add(mail(era()));

        assertThat(store().shared().transactions().global(() -> store().shared().mailOutbox().byId(mail.id()))).get()
                .usingRecursiveComparison().isEqualTo(mail);
    }

    @Test
    public void mail_queued_inside_a_center_unit_that_fails_is_not_queued() {
        QueuedMail mail = mail(era());
        RuntimeException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> store().shared().transactions().inTenant(newTenant(), () -> {
            store().shared().mailOutbox().add(mail);
            throw boom;
        })).isSameAs(boom);

        assertThat(store().shared().transactions().global(() -> store().shared().mailOutbox().byId(mail.id())))
                .isEmpty();
    }

    @Test
    public void a_claim_takes_the_due_mail_oldest_first_counts_the_attempt_and_leases_it() {
        Instant now = era();
        List<QueuedMail> due = new ArrayList<>();
        for (int i = 3; i >= 1; i--) {
            due.add(add(mail(now.minusSeconds(i * 10L))));
        }
        QueuedMail later = add(mail(now.plusSeconds(1)));
        Instant lease = now.plus(Duration.ofMinutes(5));

        List<QueuedMail> first = claim(now, lease, 2);
        List<QueuedMail> second = claim(now, lease, 10);

        assertThat(first).extracting(QueuedMail::id).containsExactly(due.get(0).id(), due.get(1).id());
        assertThat(first).allSatisfy(m -> {
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.nextAttemptAt()).isEqualTo(lease);
        });
        assertThat(second).extracting(QueuedMail::id).containsExactly(due.get(2).id());
        assertThat(claim(now, lease, 10)).isEmpty();
        // When the lease runs out, the mail is due again.
        assertThat(claim(lease, lease.plus(Duration.ofMinutes(5)), 10)).extracting(QueuedMail::id)
                .containsExactlyInAnyOrder(due.get(0).id(), due.get(1).id(), due.get(2).id(), later.id());
    }

    @Test
    public void a_retry_sets_when_and_why_and_removal_is_for_good() {
        Instant now = era();
        QueuedMail mail = add(mail(now));
        claim(now, now.plus(Duration.ofMinutes(5)), 10);

        store().shared().transactions().global(() -> store().shared().mailOutbox().retryAt(mail.id(),
                now.plusSeconds(30),
                "the SMTP server did not answer"));
        QueuedMail retried = store().shared().transactions().global(() -> store().shared().mailOutbox().byId(mail.id()))
                .orElseThrow();
        assertThat(retried.nextAttemptAt()).isEqualTo(now.plusSeconds(30));
        assertThat(retried.lastError()).contains("the SMTP server did not answer");
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(claim(now.plusSeconds(29), now.plus(Duration.ofMinutes(5)), 10)).isEmpty();
        assertThat(claim(now.plusSeconds(30), now.plus(Duration.ofMinutes(6)), 10)).extracting(QueuedMail::attempts)
                .containsExactly(2);

        store().shared().transactions().global(() -> store().shared().mailOutbox().remove(mail.id()));
        assertThat(store().shared().transactions().global(() -> store().shared().mailOutbox().byId(mail.id())))
                .isEmpty();
        assertThat(claim(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), 10)).isEmpty();
    }
}
