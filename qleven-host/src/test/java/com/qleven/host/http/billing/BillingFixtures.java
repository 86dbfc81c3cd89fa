package com.qleven.host.http.billing;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Invoices for host tests, made through the routes: a one-line draft (prices include tax), issued or not. */
public final class BillingFixtures {
    private BillingFixtures() {
    }

    /** A one-line draft of {@code amountMinor} EUR at 21 %, for the client (and the appointment, when given). */
    public static String draft(TestHost host, String token, String clientId, String appointmentId, long amountMinor) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        if (appointmentId != null) {
            body.put("appointmentId", appointmentId);
        }
        body.put("lines", List.of(Map.of("description", "Limpieza facial", "quantity", "1",
                "unitPrice", Map.of("amountMinor", amountMinor, "currency", "EUR"), "taxRate", "21")));
        Reply reply = host.post("/v1/invoices", body, token);
        if (reply.status() != 201) {
            throw new AssertionError("no draft: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id").asText();
    }

    /** The draft issued; the invoice's id. */
    public static String issue(TestHost host, String token, String invoiceId) {
        Reply reply = host.post("/v1/invoices/" + invoiceId + "/issue", "", token);
        if (reply.status() != 200) {
            throw new AssertionError("not issued: " + reply.status() + " " + reply.body());
        }
        return invoiceId;
    }

    /** An issued invoice of {@code amountMinor} EUR for the client. */
    public static String issued(TestHost host, String token, String clientId, long amountMinor) {
        return issue(host, token, draft(host, token, clientId, null, amountMinor));
    }

    /** A payment's body. */
    public static Map<String, Object> payment(String method, long amountMinor) {
        return Map.of("method", method, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"));
    }
}
