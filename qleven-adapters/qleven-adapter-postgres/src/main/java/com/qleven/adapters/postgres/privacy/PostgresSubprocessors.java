package com.qleven.adapters.postgres.privacy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.ports.privacy.out.Subprocessors;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/** The sub-processor register in {@code privacy_subprocessors}, a global table seeded by V7. */
final class PostgresSubprocessors implements Subprocessors {
    private static final String COLUMNS = "id, name, purpose, region, transfer_safeguard, updated_at";
    private static final RowMapper<Subprocessor> SUBPROCESSOR = (rs, ctx) -> new Subprocessor(
            new SubprocessorId(Sql.uuid(rs, "id")), rs.getString("name"), rs.getString("purpose"),
            rs.getString("region"), rs.getString("transfer_safeguard"), Sql.instant(rs, "updated_at"));

    private final PostgresTransactions tx;

    PostgresSubprocessors(PostgresTransactions tx) {
        this.tx = tx;
    }

    private static Update bind(Update update, Subprocessor s) {
        return update.bind("id", s.id().value())
                .bind("name", s.name())
                .bind("purpose", s.purpose())
                .bind("region", s.region())
                .bind("safeguard", s.transferSafeguard())
                .bind("updatedAt", s.updatedAt());
    }

    @Override
    public void add(Subprocessor s) {
        tx.withHandle("record a sub-processor", h -> bind(h.createUpdate("INSERT INTO public.privacy_subprocessors ("
                + COLUMNS + ") VALUES (:id, :name, :purpose, :region, :safeguard, :updatedAt)"), s).execute());
    }

    @Override
    public Optional<Subprocessor> byId(SubprocessorId id) {
        return tx.withHandle("find a sub-processor", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.privacy_subprocessors WHERE id = :id")
                .bind("id", id.value())
                .map(SUBPROCESSOR)
                .findOne());
    }

    @Override
    public void update(Subprocessor s) {
        tx.withHandle("change a sub-processor", h -> bind(h.createUpdate("UPDATE public.privacy_subprocessors"
                + " SET name = :name, purpose = :purpose, region = :region, transfer_safeguard = :safeguard,"
                + " updated_at = :updatedAt WHERE id = :id"), s).execute());
    }

    @Override
    public List<Subprocessor> list() {
        // "C" orders as Java compares strings, so both stores list the same order.
        return tx.withHandle("list sub-processors", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.privacy_subprocessors ORDER BY name COLLATE \"C\", id")
                .map(SUBPROCESSOR)
                .list());
    }
}
