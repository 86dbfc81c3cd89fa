package com.qleven.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditCanonicalTest {
    private static final TenantId CENTER = TenantId.of("018f0000-0000-7000-8000-000000000001");
    private static final UserId ACTOR = new UserId(UUID.fromString("018f0000-0000-7000-8000-000000000002"));
    private static final UUID SUBJECT = UUID.fromString("018f0000-0000-7000-8000-000000000003");

    private static AuditEvent event(String purpose, Instant at) {
        return new AuditEvent(Optional.of(CENTER), Optional.of(ACTOR), Optional.empty(), "client.read", "client",
                Optional.of(SUBJECT), purpose, 1, at);
    }

    private static String text(long seq, AuditEvent e) {
        return new String(AuditCanonical.encode(seq, e), StandardCharsets.UTF_8);
    }

    @Test
    void isSortedKeysWithEpochMicrosAndEmptyAbsentValues() {
        assertThat(text(7, event("front desk", Instant.parse("1970-01-01T00:00:01.000002Z"))))
                .isEqualTo("action=client.read|actor=018f0000-0000-7000-8000-000000000002|at=1000002"
                        + "|chain=018f0000-0000-7000-8000-000000000001|purpose=front desk|rowCount=1|seq=7|session="
                        + "|subjectId=018f0000-0000-7000-8000-000000000003|subjectType=client|v=1");
    }

    @Test
    void noPurposeCanPassForAnotherField() {
        Instant at = Instant.parse("2026-03-29T08:00:00Z");
        AuditEvent forged = event("x|rowCount=9", at);
        AuditEvent honest = event("x", at);
        assertThat(text(1, forged)).contains("purpose=x\\|rowCount\\=9|rowCount=1");
        assertThat(AuditCanonical.encode(1, forged)).isNotEqualTo(AuditCanonical.encode(1, honest));
        assertThat(text(1, event("a\\", at))).isNotEqualTo(text(1, event("a\\\\", at)));
    }

    @Test
    void thePlaceInTheChainIsPartOfTheEntry() {
        AuditEvent e = event("p", Instant.EPOCH);
        assertThat(AuditCanonical.encode(1, e)).isNotEqualTo(AuditCanonical.encode(2, e));
        AuditEvent platform = new AuditEvent(Optional.empty(), e.actor(), e.session(), e.action(), e.subjectType(),
                e.subjectId(), e.purpose(), e.rowCount(), e.at());
        assertThat(AuditCanonical.encode(1, e)).isNotEqualTo(AuditCanonical.encode(1, platform));
    }
}
