package com.qleven.host.http.privacy;

import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.host.TestHost;
import com.qleven.ports.tenancy.in.CreateOperator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operators and incident bodies for the incident routes' tests. */
public final class IncidentFixtures {
    private IncidentFixtures() {
    }

    /** A platform operator, created as the command line does, signed in; returns the token. */
    public static String operator(TestHost host) {
        String email = TestHost.newEmail("operator");
        host.host().component().qleven().tenancy().createOperator(new CreateOperator.CreateOperatorCommand(
                PersonDetails.parse("Olga Operator", email, null), TestHost.PASSWORD));
        return host.login(email, TestHost.PASSWORD, null);
    }

    public static Map<String, Object> incident(String detectedAt, List<String> tenantIds, List<String> categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detectedAt", detectedAt);
        body.put("description", "A database backup was readable without credentials for two hours");
        body.put("tenantIds", tenantIds);
        body.put("categories", categories);
        return body;
    }

    /** Rows of every table a report writes, to prove that a refused one wrote nothing. */
    static Map<String, Long> rows(TestHost host) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            for (String table : List.of("public.privacy_incidents", "public.center_notifications",
                    "public.mail_outbox", "public.platform_audit_events", "public.audit_events")) {
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
