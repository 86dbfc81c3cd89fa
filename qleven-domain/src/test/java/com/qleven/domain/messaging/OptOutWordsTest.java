package com.qleven.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.messaging.OptOutWords.Meaning;
import com.qleven.domain.shared.ValidationException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptOutWordsTest {
    private final OptOutWords words = OptOutWords.standard();

    private Meaning of(String reply) {
        return words.meaningOf(Optional.of(reply));
    }

    @Test
    void aFullStopInEveryLanguageWithAnyCaseAccentOrPunctuationWithdrawsEverything() {
        for (String reply : List.of("STOP", "stop", " Stop! ", "stop.", "Arrêt", "ARRET", "arrêt !", "Baja",
                "BAJA.", "توقف", " تـوقّف ", "Stop 🙏", "STOP STOP", "baja baja baja")) {
            assertThat(of(reply)).as(reply).isEqualTo(Meaning.STOP_ALL);
        }
    }

    @Test
    void stopPromotionsWithdrawsMarketingOnly() {
        for (String reply : List.of("Stop promotions", "STOP PROMOS", "Arrêt promotions", "Baja promociones")) {
            assertThat(of(reply)).as(reply).isEqualTo(Meaning.STOP_MARKETING);
        }
    }

    @Test
    void aStopInsideASentenceOrAnotherWordIsNotAnOptOut() {
        for (String reply : List.of("don't stop my reminders", "stopped", "bajar", "Hola, ¿puedo cambiar la cita?",
                "stop baja please", "")) {
            assertThat(of(reply)).as(reply).isEqualTo(Meaning.NONE);
        }
        assertThat(words.meaningOf(Optional.empty())).isEqualTo(Meaning.NONE);
    }

    @Test
    void aCentersOwnWordsCountAsAFullStopAndAreChecked() {
        OptOutWords own = OptOutWords.withCenterWords(List.of("Basta", "no más mensajes"));
        assertThat(own.meaningOf(Optional.of("BASTA!"))).isEqualTo(Meaning.STOP_ALL);
        assertThat(own.meaningOf(Optional.of("No mas mensajes"))).isEqualTo(Meaning.STOP_ALL);
        assertThat(own.meaningOf(Optional.of("stop"))).isEqualTo(Meaning.STOP_ALL);
        assertThat(words.meaningOf(Optional.of("basta"))).isEqualTo(Meaning.NONE);

        assertThatThrownBy(() -> OptOutWords.withCenterWords(List.of("ok", "!!")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("optOutWords[1]"));
        assertThatThrownBy(() -> OptOutWords.withCenterWords(Collections.nCopies(21, "basta")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("optOutWords"));
    }
}
