package com.qleven.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.messaging.OptOutWords.Meaning;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessagingSettingsTest {
    private static MessagingSettings withWords(List<String> words) {
        return new MessagingSettings(ReminderSchedule.standard(), 40, Duration.ofDays(90), words,
                FrequencyCap.standard());
    }

    @Test
    void theDefaultsHaveNoWordsOfTheCentersOwnAndCapMarketingAtFourPerThirtyDays() {
        MessagingSettings defaults = MessagingSettings.defaults();
        assertThat(defaults.optOutWords()).isEmpty();
        assertThat(defaults.marketingCap()).isEqualTo(new FrequencyCap(4, Duration.ofDays(30)));
        assertThat(defaults.stopWords().meaningOf(Optional.of("STOP"))).isEqualTo(Meaning.STOP_ALL);
    }

    @Test
    void theCentersWordsAreKeptAsWrittenAndReadFolded() {
        MessagingSettings settings = withWords(List.of("Basta!", "Ya no"));
        assertThat(settings.optOutWords()).containsExactly("Basta!", "Ya no");
        assertThat(settings.stopWords().meaningOf(Optional.of("basta"))).isEqualTo(Meaning.STOP_ALL);
        assertThat(settings.stopWords().meaningOf(Optional.of("YA NO."))).isEqualTo(Meaning.STOP_ALL);
        assertThat(settings.stopWords().meaningOf(Optional.of("ya no sé"))).isEqualTo(Meaning.NONE);
    }

    @Test
    void invalidWordsAreNamedByTheirIndex() {
        assertThatThrownBy(() -> withWords(Arrays.asList("basta", null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("optOutWords[1]")));
        assertThatThrownBy(() -> withWords(List.of("basta", "x".repeat(41))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("optOutWords[1]")));
        assertThatThrownBy(() -> withWords(List.of("...")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("optOutWords[0]")));
        assertThatThrownBy(() -> withWords(Collections.nCopies(21, "basta")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("optOutWords")));
        assertThat(withWords(Collections.nCopies(20, "x".repeat(40))).optOutWords()).hasSize(20);
    }

    @Test
    void theWordsCannotBeChangedThroughTheListGiven() {
        List<String> words = new java.util.ArrayList<>(List.of("basta"));
        MessagingSettings settings = withWords(words);
        words.add("otra");
        assertThat(settings.optOutWords()).containsExactly("basta");
        assertThatThrownBy(() -> settings.optOutWords().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
