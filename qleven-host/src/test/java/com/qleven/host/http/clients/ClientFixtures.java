package com.qleven.host.http.clients;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the client route tests share: staff sign-in, PATCH requests, client bodies and row counts. */
final class ClientFixtures {
    private ClientFixtures() {
    }

    /** A member of the center with the role, signed in: its token. */
    static String staff(TestHost host, TestHost.Center center, String role) {
        String email = TestHost.newEmail(role);
        Reply added = host.post("/v1/users", TestHost.userBody(email, role), center.token());
        if (added.status() != 201) {
            throw new AssertionError("adding a " + role + " failed: " + added.status() + " " + added.body());
        }
        return host.login(email, TestHost.PASSWORD, null);
    }

    static Reply patch(TestHost host, String path, Object body, String token, String contentType, String ifMatch) {
        HttpRequest.Builder request = host.request(path).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : TestHost.write(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return host.send(request.build());
    }

    static Map<String, Object> client(String fullName, String phone, String email, String birthDate, String notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", fullName);
        body.put("phone", phone);
        body.put("email", email);
        body.put("birthDate", birthDate);
        body.put("notes", notes);
        return body;
    }

    static Reply create(TestHost host, String token, Map<String, Object> body) {
        Reply created = host.post("/v1/clients", body, token);
        if (created.status() != 201) {
            throw new AssertionError("creating a client failed: " + created.status() + " " + created.body());
        }
        return created;
    }

    /** Every table of every schema of the database, as the owner sees it. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** The rows of every table, to show that a refused request wrote nothing anywhere. */
    static Map<String, Long> rowCounts(TestHost host) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            for (String table : tables(c)) {
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
