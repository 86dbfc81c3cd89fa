package com.qleven.host.http.privacy;

/**
 * The data-subject request routes' request JSON. Members arrive as null when missing and a wrong
 * type is a 400 naming it; the use cases validate the values.
 */
public final class PrivacyRequestBodies {
    private PrivacyRequestBodies() {
    }

    public record CreatePrivacyRequestBody(String clientId, String type, String note) {
        @Override
        public String toString() {
            return "CreatePrivacyRequestBody[redacted]";
        }
    }

    public record CompletePrivacyRequestBody(String outcome) {
        @Override
        public String toString() {
            return "CompletePrivacyRequestBody[redacted]";
        }
    }

    public record ExtendPrivacyRequestBody(Integer months, String reason) {
        @Override
        public String toString() {
            return "ExtendPrivacyRequestBody[months=" + months + "]";
        }
    }
}
