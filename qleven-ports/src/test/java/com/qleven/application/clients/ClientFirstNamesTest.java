package com.qleven.application.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A client's first name is the first word of the full name; an erased client has none. */
class ClientFirstNamesTest {

    @Test
    void theFirstWordOnly() {
        assertThat(ClientFirstNames.firstWord("Lucía Fernández-Ruiz Ortega")).contains("Lucía");
        assertThat(ClientFirstNames.firstWord("  Björn\tOyelaran ")).contains("Björn");
        assertThat(ClientFirstNames.firstWord("Ana")).contains("Ana");
    }

    @Test
    void anErasedClientOrABlankNameHasNone() {
        assertThat(ClientFirstNames.firstWord(ClientRegistryEraser.ERASED_NAME)).isEmpty();
        assertThat(ClientFirstNames.firstWord("   ")).isEmpty();
    }
}
