package com.qleven.host.http.consent;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the consent route tests share: clients, consent bodies and the rows of every table. */
final class ConsentFixtures {
    static final String NOTICE = "Clínica Sol le enviará recordatorios de sus citas por WhatsApp.";

    private ConsentFixtures() {
    }

    /** A client of the center with that birth date (null for none): its id. */
    static String client(TestHost host, String token, String birthDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Lucía Fernández");
        body.put("birthDate", birthDate);
        Reply created = host.post("/v1/clients", body, token);
        if (created.status() != 201) {
            throw new AssertionError("creating a client failed: " + created.status() + " " + created.body());
        }
        return created.json().get("id").asText();
    }

    static Map<String, Object> consent(String purpose, String decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purpose", purpose);
        body.put("decision", decision);
        body.put("channel", "in_person");
        body.put("textVersion", "2026-03");
        body.put("text", NOTICE);
        body.put("proof", "Signed form no. 42");
        return body;
    }

    /** The rows of every table of the database, as the owner sees them. */
    static Map<String, Long> rowCounts(TestHost host) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
