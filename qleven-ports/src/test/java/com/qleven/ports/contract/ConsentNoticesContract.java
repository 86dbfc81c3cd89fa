package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.consent.out.ConsentNotices;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code ConsentNotices} implementation promises: versions per center and purpose, each
 * added once and kept exactly, the newest found alone or for every purpose in one read, the
 * versions listed newest first in pages, and nothing of another center.
 */
public abstract class ConsentNoticesContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private static final ConsentPurpose WHATSAPP = ConsentPurpose.WHATSAPP;
    private static final ConsentPurpose REVIEWS = new ConsentPurpose("reviews");
    private static final UserId ADMIN = new UserId(UUID.fromString("0190a000-0000-7000-8000-000000000001"));

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private ConsentNotices notices() {
        return store().consent().consentNotices();
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return store().shared().transactions().inTenant(tenant, work);
    }

    private static NoticeText notice(TenantId tenant, ConsentPurpose purpose, int version, String text) {
        return new NoticeText(tenant, purpose, version, text, T0.plusSeconds(version), Optional.of(ADMIN));
    }

    @Test
    void versionsAreAddedOnceKeptExactlyAndTheNewestWins() {
        TenantId tenant = center();
        // Surrounding blanks, a newline and non-ASCII letters: the text is kept byte for byte.
        NoticeText v1 = notice(tenant, WHATSAPP, 1, " Acepto recibir mensajes de mis citas.\n");
        NoticeText v2 = notice(tenant, WHATSAPP, 2, "Acepto recibir por WhatsApp los mensajes de mis citas.");
        NoticeText carried = new NoticeText(tenant, REVIEWS, 1, "Reviews", T0, Optional.empty());

        assertThat(in(tenant, () -> notices().latest(tenant, WHATSAPP))).isEmpty();
        assertThat(in(tenant, () -> notices().add(v1))).isTrue();
        assertThat(in(tenant, () -> notices().add(v2))).isTrue();
        assertThat(in(tenant, () -> notices().add(carried))).isTrue();
        assertThat(in(tenant, () -> notices().add(notice(tenant, WHATSAPP, 2, "Another text"))))
                .as("a version is published once").isFalse();

        assertThat(in(tenant, () -> notices().latest(tenant, WHATSAPP))).contains(v2);
        assertThat(in(tenant, () -> notices().latestOfEach(tenant))).containsExactly(carried, v2);
        assertThat(in(tenant, () -> notices().versions(tenant, WHATSAPP, Integer.MAX_VALUE, 50)))
                .containsExactly(v2, v1);
        assertThat(in(tenant, () -> notices().versions(tenant, WHATSAPP, Integer.MAX_VALUE, 1))).containsExactly(v2);
        assertThat(in(tenant, () -> notices().versions(tenant, WHATSAPP, 2, 50))).containsExactly(v1);
        assertThat(in(tenant, () -> notices().versions(tenant, WHATSAPP, 1, 50))).isEmpty();
    }

    @Test
    void anotherCentersNoticesAreNeitherSeenNorWritten() {
        TenantId tenant = center();
        TenantId other = center();
        NoticeText mine = notice(tenant, WHATSAPP, 1, "Mine");
        assertThat(in(tenant, () -> notices().add(mine))).isTrue();
        assertThat(in(other, () -> notices().add(notice(other, WHATSAPP, 1, "Theirs"))))
                .as("another center numbers its own versions").isTrue();

        assertThat(in(other, () -> notices().latest(tenant, WHATSAPP))).isEmpty();
        assertThat(in(other, () -> notices().latestOfEach(tenant))).isEmpty();
        assertThat(in(other, () -> notices().versions(tenant, WHATSAPP, Integer.MAX_VALUE, 50))).isEmpty();
        assertThatThrownBy(() -> in(other, () -> notices().add(notice(tenant, WHATSAPP, 2, "Forged"))))
                .isInstanceOf(RuntimeException.class);
        assertThat(in(tenant, () -> notices().versions(tenant, WHATSAPP, Integer.MAX_VALUE, 50)))
                .containsExactly(mine);
    }

    @Test
    void theLatestOfEachPurposeIsOneRowPerPurpose() {
        TenantId tenant = center();
        for (int v = 1; v <= 3; v++) {
            int version = v;
            in(tenant, () -> notices().add(notice(tenant, REVIEWS, version, "Reviews v" + version)));
            in(tenant, () -> notices().add(notice(tenant, ConsentPurpose.MARKETING, version, "Offers v" + version)));
        }
        List<NoticeText> latest = in(tenant, () -> notices().latestOfEach(tenant));
        assertThat(latest).extracting(n -> n.purpose().code() + "@" + n.version())
                .containsExactly("marketing@3", "reviews@3");
    }
}
