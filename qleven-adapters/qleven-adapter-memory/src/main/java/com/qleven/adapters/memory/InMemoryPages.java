package com.qleven.adapters.memory;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pages over rows held in memory, in the order PostgreSQL gives the same rows (uuids compared
 * as unsigned bytes), with an opaque cursor of the last row's time and id. The row a cursor came
 * from may be gone by the next page, so the cursor's position is compared, never looked up.
 */
final class InMemoryPages {
    private static final Comparator<Key> ASCENDING = Comparator.comparing(Key::at)
            .thenComparing(Key::id, InMemoryStore::compareAsPostgres);

    private InMemoryPages() {
    }

    private record Key(Instant at, UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Key decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Key(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "is not a cursor this list returned");
            }
        }
    }

    static <T> Page<T> oldestFirst(List<T> rows, Function<T, Instant> at, Function<T, UUID> id, PageRequest page) {
        return page(rows, ASCENDING, at, id, page);
    }

    static <T> Page<T> newestFirst(List<T> rows, Function<T, Instant> at, Function<T, UUID> id, PageRequest page) {
        return page(rows, ASCENDING.reversed(), at, id, page);
    }

    private static <T> Page<T> page(List<T> rows, Comparator<Key> order, Function<T, Instant> at,
                                    Function<T, UUID> id, PageRequest page) {
        Function<T, Key> key = row -> new Key(at.apply(row), id.apply(row));
        Optional<Key> after = page.cursor().map(Key::decode);
        List<T> rest = rows.stream()
                .filter(row -> after.map(c -> order.compare(key.apply(row), c) > 0).orElse(true))
                .sorted(Comparator.comparing(key, order))
                .toList();
        List<T> items = rest.stream().limit(page.limit()).toList();
        Optional<String> next = rest.size() > page.limit()
                ? Optional.of(key.apply(items.get(items.size() - 1)).encode())
                : Optional.empty();
        return new Page<>(items, next);
    }
}
