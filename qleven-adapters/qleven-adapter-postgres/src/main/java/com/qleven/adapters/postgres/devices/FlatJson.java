package com.qleven.adapters.postgres.devices;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flat JSON objects of names to numbers, strings or booleans (command parameters, counters), written
 * as {@code jsonb} text and read back through {@code jsonb_each} as three arrays in the same statement,
 * so the adapter needs no JSON library. Whole numbers come back as {@link Long}, others as {@link Double}.
 */
final class FlatJson {
    private FlatJson() {
    }

    static String encode(Map<String, ?> values) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            Object v = e.getValue();
            if (v instanceof String s) {
                string(out, s);
            } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
                out.append(v);
            } else if (v instanceof Number n) {
                double d = n.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("a JSON number is finite");
                }
                out.append(d);
            } else {
                throw new IllegalArgumentException("a flat JSON value is a number, a string or a boolean");
            }
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The select-list columns that read {@code column} back, named {@code alias_keys}, {@code _types}, {@code _values}. */
    static String select(String column, String alias) {
        return "ARRAY(SELECT key FROM jsonb_each(" + column + ") ORDER BY key) AS " + alias + "_keys, "
                + "ARRAY(SELECT jsonb_typeof(value) FROM jsonb_each(" + column + ") ORDER BY key) AS " + alias
                + "_types, ARRAY(SELECT value #>> '{}' FROM jsonb_each(" + column + ") ORDER BY key) AS " + alias
                + "_values";
    }

    static Map<String, Object> read(ResultSet rs, String alias) throws SQLException {
        String[] keys = strings(rs.getArray(alias + "_keys"));
        String[] types = strings(rs.getArray(alias + "_types"));
        String[] values = strings(rs.getArray(alias + "_values"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            out.put(keys[i], switch (types[i]) {
                case "boolean" -> Boolean.parseBoolean(values[i]);
                case "number" -> values[i].matches("-?\\d+") ? (Object) Long.parseLong(values[i])
                        : (Object) Double.parseDouble(values[i]);
                default -> values[i];
            });
        }
        return out;
    }

    static Map<String, Double> readNumbers(ResultSet rs, String alias) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        read(rs, alias).forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
