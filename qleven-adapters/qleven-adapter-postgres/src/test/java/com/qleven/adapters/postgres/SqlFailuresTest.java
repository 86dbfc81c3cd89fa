package com.qleven.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.shared.SqlFailures;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.ErrorCode;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.domain.shared.QlevenException;
import com.qleven.domain.shared.ValidationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlFailuresTest {

    private static QlevenException translate(String sqlState) {
        return SqlFailures.translate("do it", new UnableToExecuteStatementException(
                new SQLException("server said: Key (email_index)=(abc) already exists", sqlState), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "40001", "40P01", "57P01", "57P03", "53300"})
    void failures_that_may_pass_are_retryable(String state) {
        QlevenException e = translate(state);

        assertThat(e).isInstanceOf(InfrastructureException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(e).hasMessageContaining(state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42501", "42P01", "22001", "XX000"})
    void other_failures_are_not(String state) {
        QlevenException e = translate(state);

        assertThat(e).isInstanceOf(InfrastructureException.class);
        assertThat(e.retryable()).isFalse();
        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23P01"})
    void unique_and_exclusion_violations_are_conflicts(String state) {
        assertThat(translate(state)).isInstanceOf(ConflictException.class);
    }

    @Test
    void the_message_never_repeats_the_servers_detail() {
        assertThat(translate("23505")).message().doesNotContain("abc");
        assertThat(translate("42501")).message().doesNotContain("abc").contains("cannot do it");
    }

    @Test
    void a_pool_timeout_is_retryable() {
        QlevenException e = SqlFailures.translate("open a unit of work",
                new RuntimeException(new SQLTransientConnectionException("pool timed out")));

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void an_sdk_exception_passes_unchanged() {
        ValidationException v = new ValidationException("cursor", "bad");

        assertThat(SqlFailures.translate("list", v)).isSameAs(v);
    }
}
