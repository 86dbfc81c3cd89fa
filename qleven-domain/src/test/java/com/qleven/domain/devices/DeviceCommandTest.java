package com.qleven.domain.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceCommandTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private static DeviceCommand queued() {
        return DeviceCommand.queue(new DeviceCommandId(UUID.randomUUID()), new DeviceId(UUID.randomUUID()),
                CommandType.ARM, Map.of("fluence", 12.5), Optional.of(new AppointmentId(UUID.randomUUID())),
                new UserId(UUID.randomUUID()), T0, Duration.ofSeconds(60));
    }

    @Test
    void aQueuedCommandIsDueAtOnceAndSendingCountsAnAttempt() {
        DeviceCommand c = queued();
        assertThat(c.status()).isEqualTo(CommandStatus.QUEUED);
        assertThat(c.due(T0)).isTrue();
        DeviceCommand s = c.sent(T0.plusSeconds(1));
        assertThat(s.status()).isEqualTo(CommandStatus.SENT);
        assertThat(s.attempts()).isEqualTo(1);
        assertThat(s.due(T0.plusSeconds(2))).isFalse();
        assertThatThrownBy(() -> s.sent(T0.plusSeconds(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefusedPublishLeavesItQueuedUntilItsBackoff() {
        DeviceCommand d = queued().deferredTo(T0.plusSeconds(5));
        assertThat(d.status()).isEqualTo(CommandStatus.QUEUED);
        assertThat(d.attempts()).isZero();
        assertThat(d.due(T0.plusSeconds(4))).isFalse();
        assertThat(d.due(T0.plusSeconds(5))).isTrue();
    }

    @Test
    void nothingIsPublishedAtOrAfterExpiryAndAWaitingCommandExpires() {
        DeviceCommand c = queued();
        Instant end = c.expiresAt();
        assertThat(c.due(end)).isFalse();
        assertThatThrownBy(() -> c.sent(end)).isInstanceOf(IllegalStateException.class);
        assertThat(c.expire(end.minusMillis(1))).isEqualTo(c);
        DeviceCommand e = c.expire(end);
        assertThat(e.status()).isEqualTo(CommandStatus.EXPIRED);
        assertThat(e.dueAt()).isEmpty();
        DeviceCommand sentThenExpired = c.sent(T0).expire(end);
        assertThat(sentThenExpired.status()).isEqualTo(CommandStatus.EXPIRED);
        DeviceCommand accepted = c.sent(T0).ack(AckStatus.ACCEPTED, Optional.empty(), T0.plusSeconds(1));
        assertThat(accepted.expire(end.plusSeconds(100))).isEqualTo(accepted);
    }

    @Test
    void acksMoveForwardOnlyAndRepeatsChangeNothing() {
        DeviceCommand s = queued().sent(T0);
        DeviceCommand a = s.ack(AckStatus.ACCEPTED, Optional.of("armed"), T0.plusSeconds(1));
        assertThat(a.status()).isEqualTo(CommandStatus.ACCEPTED);
        assertThat(a.detail()).contains("armed");
        assertThat(a.ack(AckStatus.ACCEPTED, Optional.empty(), T0.plusSeconds(2))).isEqualTo(a);
        DeviceCommand d = a.ack(AckStatus.DONE, Optional.empty(), T0.plusSeconds(3));
        assertThat(d.status()).isEqualTo(CommandStatus.DONE);
        for (AckStatus late : AckStatus.values()) {
            assertThat(d.ack(late, Optional.of("x"), T0.plusSeconds(4))).isEqualTo(d);
        }
        assertThat(s.ack(AckStatus.DONE, Optional.empty(), T0.plusSeconds(1)).status()).isEqualTo(CommandStatus.DONE);
        DeviceCommand r = s.ack(AckStatus.REJECTED, Optional.of("interlock open"), T0.plusSeconds(1));
        assertThat(r.status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(r.ack(AckStatus.ACCEPTED, Optional.empty(), T0.plusSeconds(2))).isEqualTo(r);
        assertThat(r.ack(AckStatus.DONE, Optional.empty(), T0.plusSeconds(2))).isEqualTo(r);
        // an ack may overtake the record of the send
        assertThat(queued().ack(AckStatus.ACCEPTED, Optional.empty(), T0).status()).isEqualTo(CommandStatus.ACCEPTED);
        DeviceCommand expired = queued().expire(T0.plusSeconds(60));
        assertThat(expired.ack(AckStatus.ACCEPTED, Optional.empty(), T0.plusSeconds(61))).isEqualTo(expired);
    }

    @Test
    void aSentUnansweredCommandIsDueAgainWhenTheDeviceReconnects() {
        DeviceCommand s = queued().sent(T0);
        DeviceCommand again = s.redeliverAt(T0.plusSeconds(10));
        assertThat(again.status()).isEqualTo(CommandStatus.SENT);
        assertThat(again.due(T0.plusSeconds(10))).isTrue();
        assertThat(again.sent(T0.plusSeconds(11)).attempts()).isEqualTo(2);
        assertThat(s.redeliverAt(T0.plusSeconds(60))).isEqualTo(s);
        DeviceCommand a = s.ack(AckStatus.ACCEPTED, Optional.empty(), T0.plusSeconds(1));
        assertThat(a.redeliverAt(T0.plusSeconds(10))).isEqualTo(a);
    }

    @Test
    void failingIsForWaitingCommandsOnly() {
        DeviceCommand f = queued().fail("device revoked", T0.plusSeconds(1));
        assertThat(f.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(f.detail()).contains("device revoked");
        DeviceCommand d = queued().sent(T0).ack(AckStatus.DONE, Optional.empty(), T0);
        assertThat(d.fail("device revoked", T0.plusSeconds(1))).isEqualTo(d);
    }

    @Test
    void parametersAreCheckedPerTypeNamingTheField() {
        assertThat(CommandParameters.validate(CommandType.ARM, Map.of("fluence", 12, "mode", "fast", "cool", true)))
                .containsEntry("fluence", 12L).containsEntry("mode", "fast").containsEntry("cool", true);
        assertThatThrownBy(() -> CommandParameters.validate(CommandType.ARM, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("parameters"));
        assertThatThrownBy(() -> CommandParameters.validate(CommandType.STOP, Map.of("x", 1)))
                .isInstanceOf(ValidationException.class);
        assertThat(CommandParameters.validate(CommandType.STOP, null)).isEmpty();
        assertThatThrownBy(() -> CommandParameters.validate(CommandType.SET_PARAMETERS, Map.of("1bad", 1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CommandParameters.validate(CommandType.ARM, Map.of("energy", List.of(1))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("parameters.energy"));
        assertThatThrownBy(() -> CommandParameters.validate(CommandType.ARM, Map.of("energy", Double.NaN)))
                .isInstanceOf(ValidationException.class);
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 33; i++) {
            many.put("p" + i, i);
        }
        assertThatThrownBy(() -> CommandParameters.validate(CommandType.ARM, many)).isInstanceOf(ValidationException.class);
        many.remove("p32");
        assertThat(CommandParameters.validate(CommandType.ARM, many)).hasSize(32);
        assertThat(CommandParameters.expiresInSeconds(5)).isEqualTo(5);
        assertThat(CommandParameters.expiresInSeconds(86_400)).isEqualTo(86_400);
        for (Integer bad : new Integer[] {null, 4, 86_401}) {
            assertThatThrownBy(() -> CommandParameters.expiresInSeconds(bad))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("expiresInSeconds"));
        }
    }

    @Test
    void maintenanceRulesFireOnThresholdsAndFaults() {
        MaintenanceRules r = new MaintenanceRules(List.of(new MaintenanceRules.Threshold("lampHours", 1000)),
                List.of("E12", "E40"), false);
        assertThat(r.breach(Map.of("lampHours", 999.9), List.of("E1"))).isEmpty();
        assertThat(r.breach(Map.of("lampHours", 1000.0), List.of())).isPresent();
        assertThat(r.breach(Map.of(), List.of("E40"))).contains("fault E40");
        assertThat(new MaintenanceRules(List.of(), List.of(), true).breach(Map.of(), List.of("E1"))).isPresent();
        assertThat(MaintenanceRules.NONE.breach(Map.of("lampHours", 1e9), List.of("E12"))).isEmpty();
        assertThatThrownBy(() -> new MaintenanceRules(List.of(new MaintenanceRules.Threshold("lampHours", -1)),
                List.of(), false)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("thresholds[0].max"));
    }

    @Test
    void aSessionCountsWhatItUsed() {
        TreatmentSession s = TreatmentSession.start(new AppointmentId(UUID.randomUUID()), new DeviceId(UUID.randomUUID()),
                new DeviceCommandId(UUID.randomUUID()), T0, Map.of("fluence", 12.5), Map.of("shots", 100.0, "lampHours", 5.0));
        assertThat(s.countersUsed()).isEmpty();
        TreatmentSession stopped = s.stop(T0.plusSeconds(600), Map.of("shots", 350.0, "lampHours", 4.0));
        assertThat(stopped.countersUsed()).containsEntry("shots", 250.0).containsEntry("lampHours", 0.0);
        assertThat(stopped.stop(T0.plusSeconds(900), Map.of())).isEqualTo(stopped);
    }
}
