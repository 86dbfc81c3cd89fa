package com.qleven.host.http.tenancy;

import java.util.List;

/**
 * The account lifecycle routes' JSON. Request members are wrapper types so that a missing one
 * arrives as null and the command's {@code parse} names it with every other bad member.
 */
public final class LifecycleBodies {
    private LifecycleBodies() {
    }

    public record InviteBody(String email, String role) {
        @Override
        public String toString() {
            return "InviteBody[role=" + role + ", redacted]";
        }
    }

    public record AcceptBody(String token, String fullName, String phone, String password, Boolean ageConfirmed) {
        @Override
        public String toString() {
            return "AcceptBody[redacted]";
        }
    }

    public record ResetRequestBody(String email) {
        @Override
        public String toString() {
            return "ResetRequestBody[redacted]";
        }
    }

    public record ResetConfirmBody(String token, String password) {
        @Override
        public String toString() {
            return "ResetConfirmBody[redacted]";
        }
    }

    public record ChangePasswordBody(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "ChangePasswordBody[redacted]";
        }
    }

    public record InvitationAnswer(String id, String email, String role, String status, String invitedBy,
                                   String createdAt, String expiresAt) {
    }

    public record InvitationPage(List<InvitationAnswer> items, String next) {
    }

    public record AcceptedAnswer(String userId, String tenantId) {
    }

    public record ResetRequestedAnswer(String status) {
    }

    public record SessionAnswer(String id, String createdAt, String lastSeenAt, String expiresAt, String endedAt,
                                String endReason, String country, String userAgent, String ip, boolean current) {
    }

    public record SessionPage(List<SessionAnswer> items, String next) {
    }

    public record MembershipAcceptBody(String token, String password) {
        @Override
        public String toString() {
            return "MembershipAcceptBody[redacted]";
        }
    }

    public record MembershipAnswer(String tenantId, String centerName, String role, String status, String since) {
    }

    public record MembershipList(List<MembershipAnswer> items, String next) {
    }

    public record MembershipAcceptedAnswer(String userId, String tenantId, String status) {
    }
}
