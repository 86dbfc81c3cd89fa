package com.qleven.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.ports.privacy.out.Subprocessors;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code Subprocessors} implementation promises. */
public abstract class SubprocessorsContract {

    protected abstract QlevenStore store();

    private static Subprocessor entry(String name) {
        return new Subprocessor(new SubprocessorId(UUID.randomUUID()), name, "Sending reminder emails", "Ireland",
                "Processed in the European Union", Instant.parse("2026-11-02T10:00:00.123456Z"));
    }

    @Test
    public void a_new_store_holds_the_sub_processors_the_policy_names() {
        assertThat(Subprocessors.SEEDED).extracting(Subprocessor::name)
                .containsExactly("Meta Platforms, Inc.", "Vercel Inc.", "Supabase Inc.");
        for (Subprocessor seeded : Subprocessors.SEEDED) {
            assertThat(store().shared().transactions().global(() -> store().privacy().subprocessors()
                    .byId(seeded.id())))
                    .as("the migration and the code seed the same entry").contains(seeded);
        }
    }

    @Test
    public void an_entry_comes_back_whole_changes_and_is_listed_by_name() {
        Subprocessor added = entry("Zeta Mail " + UUID.randomUUID());
        store().shared().transactions().global(() -> store().privacy().subprocessors().add(added));
        Subprocessor changed = new Subprocessor(added.id(), added.name(), added.purpose(), "Germany",
                added.transferSafeguard(), added.updatedAt().plusSeconds(5));
        store().shared().transactions().global(() -> store().privacy().subprocessors().update(changed));

        assertThat(store().shared().transactions().global(() -> store().privacy().subprocessors().byId(added.id())))
                .contains(changed);
        var names = store().shared().transactions().global(() -> store().privacy().subprocessors().list()).stream()
                .map(Subprocessor::name).toList();
        assertThat(names).contains(added.name(), "Meta Platforms, Inc.").isSorted();
    }

    @Test
    public void an_entry_is_added_once_and_rolls_back_with_its_unit_of_work() {
        Subprocessor added = entry("Once " + UUID.randomUUID());
        store().shared().transactions().global(() -> store().privacy().subprocessors().add(added));
        Subprocessor lost = entry("Lost " + UUID.randomUUID());

        assertThatThrownBy(() -> store().shared().transactions().global(() -> store().privacy().subprocessors()
                .add(added)))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store().shared().transactions().global(() -> {
            store().privacy().subprocessors().add(lost);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store().shared().transactions().global(() -> store().privacy().subprocessors().byId(lost.id())))
                .isEmpty();
    }
}
