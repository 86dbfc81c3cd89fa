package com.qleven.domain.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

class ClientNamesTest {

    @Test
    void foldsAccentsAndCase() {
        assertThat(ClientNames.normalise("José ÁLVAREZ Núñez")).isEqualTo("jose alvarez nunez");
        assertThat(ClientNames.normalise("Françoise Müller")).isEqualTo("francoise muller");
        assertThat(ClientNames.normalise("Øystein Strauß Łukasz")).isEqualTo("oystein strauss lukasz");
        assertThat(ClientNames.normalise("İlkay Çelik")).isEqualTo("ilkay celik");
    }

    @Test
    void splitsOnSpacesHyphensApostrophesAndDots() {
        assertThat(ClientNames.parts("  María-José  O'Brien\tD’Angelo J.R. "))
                .containsExactly("maria", "jose", "o", "brien", "d", "angelo", "j", "r");
    }

    @Test
    void tokensAreEveryBeginningOfTwoToTwelveCharactersOfEachPart() {
        assertThat(ClientNames.tokens("Ana García-Pé")).containsExactlyInAnyOrder(
                "an", "ana", "ga", "gar", "garc", "garci", "garcia", "pe");
        assertThat(ClientNames.tokens("Wolfeschlegelsteinhausen"))
                .hasSize(11)
                .contains("wo", "wolfeschlege")
                .doesNotContain("wolfeschleg" + "el");
        // A part of one letter cannot be looked up by itself.
        assertThat(ClientNames.tokens("J Smith")).doesNotContain("j").contains("sm");
    }

    @Test
    void searchTokensAreTheTypedPartsCutToTwelve() {
        assertThat(ClientNames.searchTokens("Gar jo")).containsExactly("gar", "jo");
        assertThat(ClientNames.searchTokens("wolfeschlegelstein")).containsExactly("wolfeschlege");
        assertThat(ClientNames.searchTokens("J García")).containsExactly("garcia");
    }

    @Test
    void searchNeedsAPartOfTwoLetters() {
        for (String typed : new String[] {"", "   ", "a", "j. r.", "x".repeat(201), "ana\u0000"}) {
            assertThatThrownBy(() -> ClientNames.searchTokens(typed)).as(typed)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("name"));
        }
    }

    @Test
    void aTypedNameMatchesWhenEveryPartBeginsSomePartOfTheName() {
        String name = "José García-Pérez";
        assertThat(ClientNames.matches("gar", name)).isTrue();
        assertThat(ClientNames.matches("PÉR jo", name)).isTrue();
        assertThat(ClientNames.matches("jose garcia perez", name)).isTrue();
        assertThat(ClientNames.matches("j g", name)).isTrue();
        assertThat(ClientNames.matches("ose", name)).isFalse();
        assertThat(ClientNames.matches("garcias", name)).isFalse();
        assertThat(ClientNames.matches("jose lopez", name)).isFalse();
        assertThat(ClientNames.matches("", name)).isFalse();
    }

    @Test
    void everyMatchIsFoundThroughTheTokens() {
        String name = "Ana María Rodríguez-Fernández";
        for (String typed : new String[] {"an", "maria", "rodriguez fer", "FERNÁNDEZ", "ana ma ro fe"}) {
            assertThat(ClientNames.matches(typed, name)).as(typed).isTrue();
            assertThat(ClientNames.tokens(name)).as(typed).containsAll(ClientNames.searchTokens(typed));
        }
    }
}
