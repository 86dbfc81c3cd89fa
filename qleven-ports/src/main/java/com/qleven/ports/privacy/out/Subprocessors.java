package com.qleven.ports.privacy.out;

import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's sub-processor register: global records, readable in any unit of work, listed by
 * name. Every store starts with {@link #SEEDED}, the ones the privacy policy names (section 8), so
 * the register is true from the first run; operators then edit it to match the deployment.
 */
public interface Subprocessors {
    Instant SEEDED_AT = Instant.parse("2026-01-01T00:00:00Z");

    List<Subprocessor> SEEDED = List.of(
            new Subprocessor(new SubprocessorId(UUID.fromString("01940000-0000-7000-8000-000000000801")),
                    "Meta Platforms, Inc.",
                    "WhatsApp Cloud API for professional messaging: message content, recipient phone numbers and"
                            + " delivery metadata only",
                    "United States",
                    "EU-US Data Privacy Framework and the European Commission's Standard Contractual Clauses"
                            + " (GDPR Art. 46)",
                    SEEDED_AT),
            new Subprocessor(new SubprocessorId(UUID.fromString("01940000-0000-7000-8000-000000000802")),
                    "Vercel Inc.",
                    "Application hosting: HTTP request data",
                    "European Union",
                    "Processed in the European Union; Standard Contractual Clauses for any transfer",
                    SEEDED_AT),
            new Subprocessor(new SubprocessorId(UUID.fromString("01940000-0000-7000-8000-000000000803")),
                    "Supabase Inc.",
                    "Database hosting and file storage: stored data",
                    "European Union",
                    "Processed in the European Union; Standard Contractual Clauses for any transfer",
                    SEEDED_AT));

    void add(Subprocessor subprocessor);

    Optional<Subprocessor> byId(SubprocessorId id);

    /** Stores the fields of an existing entry. */
    void update(Subprocessor subprocessor);

    /** The whole register, by name then id; it is small by nature (a handful of companies). */
    List<Subprocessor> list();
}
