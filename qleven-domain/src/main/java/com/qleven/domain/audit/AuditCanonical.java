package com.qleven.domain.audit;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one byte encoding of an entry that its hash covers: {@code key=value} pairs in sorted key
 * order joined by {@code |}, values escaped so that no value can pass for a separator, instants as
 * epoch microseconds (what every store keeps), absent values empty. Changing it breaks every stored
 * chain, hence the version field.
 */
public final class AuditCanonical {
    static final String VERSION = "1";
    /**
     * The action a store reads a row as when the row was rewritten into something no use case can
     * record; no trail signs it, so such a row never verifies.
     */
    public static final String UNREADABLE_ACTION = "audit.unreadable";
    /**
     * The action of the entry a sealer puts where an appended event should have been sealed but
     * was gone: deleted before it was sealed. No use case records it; verification breaks there.
     */
    public static final String LOST_ACTION = "audit.lost";

    /** Whether a use case may record this action: the trail's own markers are refused. */
    public static boolean reserved(String action) {
        return UNREADABLE_ACTION.equals(action) || LOST_ACTION.equals(action);
    }

    private AuditCanonical() {
    }

    /** The instant as a chain keeps it: whole microseconds. */
    public static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static byte[] encode(long seq, AuditEvent e) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("action", e.action());
        fields.put("actor", e.actor().map(UserId::toString).orElse(""));
        fields.put("at", Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, e.at())));
        fields.put("chain", e.tenant().map(TenantId::toString).orElse(""));
        fields.put("purpose", e.purpose());
        fields.put("rowCount", Integer.toString(e.rowCount()));
        fields.put("seq", Long.toString(seq));
        fields.put("session", uuid(e.session()));
        fields.put("subjectId", uuid(e.subjectId()));
        fields.put("subjectType", e.subjectType());
        fields.put("v", VERSION);
        StringBuilder out = new StringBuilder(256);
        fields.forEach((key, value) -> {
            if (out.length() > 0) {
                out.append('|');
            }
            out.append(key).append('=');
            escape(value, out);
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String uuid(Optional<UUID> id) {
        return id.map(UUID::toString).orElse("");
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '|' || c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
