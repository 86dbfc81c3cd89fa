package com.qleven.host.http.tenancy;

import java.util.List;

/**
 * The tenancy routes' JSON, as records of the host: the domain and ports know nothing of JSON.
 * Request members are wrapper types so that a missing one arrives as null and the command's
 * {@code parse} names it together with every other bad member.
 */
public final class TenancyBodies {
    private TenancyBodies() {
    }

    public record SignUpBody(CenterBody center, AdminBody admin) {
    }

    public record CenterBody(String name, String address, String taxId, String country, String timeZone,
                             String currency) {
    }

    public record AdminBody(String fullName, String email, String phone, String password, Boolean ageConfirmed) {
        @Override
        public String toString() {
            return "AdminBody[redacted]";
        }
    }

    public record LoginBody(String email, String password, String tenantId) {
        @Override
        public String toString() {
            return "LoginBody[redacted]";
        }
    }

    public record AddUserBody(String fullName, String email, String phone, String role, String password,
                              Boolean ageConfirmed) {
        @Override
        public String toString() {
            return "AddUserBody[role=" + role + ", redacted]";
        }
    }

    public record SignUpAnswer(String tenantId, String userId) {
    }

    public record LoginAnswer(String token, String expiresAt, String tenantId) {
        @Override
        public String toString() {
            return "LoginAnswer[redacted]";
        }
    }

    public record MeAnswer(String userId, String tenantId, String role, String fullName, String email,
                           String phone) {
    }

    public record UserAnswer(String id, String tenantId, String role, String fullName, String email, String phone,
                             String createdAt, boolean active, String status) {
    }

    public record UserPage(List<UserAnswer> items, String next) {
    }
}
