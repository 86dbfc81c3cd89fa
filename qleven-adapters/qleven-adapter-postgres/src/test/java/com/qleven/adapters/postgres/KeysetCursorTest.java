package com.qleven.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.contract.ContractFixtures;
import java.util.Base64;
import java.util.Optional;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cursors that the list never returned are refused before any query runs. */
class KeysetCursorTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    @ParameterizedTest
    @ValueSource(strings = {"", "AAAA", "not a cursor", "%%%", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void a_cursor_that_is_not_24_bytes_of_base64url_is_refused(String cursor) {
        TenantId tenant = ContractFixtures.newTenant();

        assertThatThrownBy(() -> DB.store().shared().transactions().inTenant(tenant,
                () -> DB.store().tenancy().memberships().list(tenant, new PageRequest(5, Optional.of(cursor)))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
    }

    @Test
    void a_cursor_beyond_the_years_a_row_can_have_is_refused() {
        TenantId tenant = ContractFixtures.newTenant();
        byte[] bytes = new byte[24];
        Arrays.fill(bytes, (byte) 0x7f);
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> DB.store().shared().transactions().inTenant(tenant,
                () -> DB.store().tenancy().memberships().list(tenant, new PageRequest(5, Optional.of(cursor)))))
                .isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255})
    void any_24_bytes_are_a_position_and_list_without_error(int fill) {
        TenantId tenant = ContractFixtures.newTenant();
        byte[] bytes = new byte[24];
        Arrays.fill(bytes, (byte) fill);
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThat(DB.store().shared().transactions().inTenant(tenant,
                () -> DB.store().tenancy().memberships().list(tenant, new PageRequest(5, Optional.of(cursor)))).items())
                .isEmpty();
    }
}
