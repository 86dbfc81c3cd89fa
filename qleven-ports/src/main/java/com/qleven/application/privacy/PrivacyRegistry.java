package com.qleven.application.privacy;

import com.qleven.ports.privacy.out.RegistryEraser;
import com.qleven.ports.privacy.out.RegistryExporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where each context says what it holds about a client: one named section per context with its
 * exporter and its eraser. Exports run in the order registered; erasures in the reverse order, so
 * the client's own record (registered first) goes last, once the others no longer need its key.
 * The facade registers the built-in contexts; a section name is registered once, so two contexts
 * cannot hide each other's data.
 */
public final class PrivacyRegistry {
    private static final Pattern SECTION = Pattern.compile("^[a-z][A-Za-z]{1,40}$");
    private final Map<String, RegistryExporter> exporters = new LinkedHashMap<>();
    private final List<RegistryEraser> erasers = new ArrayList<>();

    public PrivacyRegistry register(String section, RegistryExporter exporter, RegistryEraser eraser) {
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(eraser, "eraser");
        if (section == null || !SECTION.matcher(section).matches()) {
            throw new IllegalArgumentException("a section is a camelCase word: " + section);
        }
        if (exporters.putIfAbsent(section, exporter) != null) {
            throw new IllegalStateException("the section " + section + " is registered already");
        }
        erasers.add(0, eraser);
        return this;
    }

    /** Every registered exporter by section, in registration order. */
    public Map<String, RegistryExporter> exporters() {
        return Collections.unmodifiableMap(exporters);
    }

    /** Every registered eraser, in the order an erasure runs them (the reverse of registration). */
    public List<RegistryEraser> erasers() {
        return Collections.unmodifiableList(erasers);
    }
}
