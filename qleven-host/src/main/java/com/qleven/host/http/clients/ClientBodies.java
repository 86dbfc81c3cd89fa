package com.qleven.host.http.clients;

/**
 * The client routes' request JSON, as records of the host. Members are strings so that a missing
 * one arrives as null and a wrong type is a 400 naming it; the use cases validate the values.
 */
public final class ClientBodies {
    private ClientBodies() {
    }

    public record CreateClientBody(String fullName, String phone, String email, String birthDate, String notes,
                                   BillingIdentityBody billingIdentity, String preferredLanguage) {
        @Override
        public String toString() {
            return "CreateClientBody[redacted]";
        }
    }

    /** Whom the client's invoices are made out to; each member optional, but a name or an address. */
    public record BillingIdentityBody(String name, String address, String taxId) {
        @Override
        public String toString() {
            return "BillingIdentityBody[redacted]";
        }
    }

    public record SearchClientsBody(String phone, String email, String name) {
        @Override
        public String toString() {
            return "SearchClientsBody[redacted]";
        }
    }

    /** Why an administrator lifts a client's restriction of processing; it may describe the person. */
    public record LiftRestrictionBody(String reason) {
        @Override
        public String toString() {
            return "LiftRestrictionBody[redacted]";
        }
    }
}
