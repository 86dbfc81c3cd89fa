package com.qleven.host.http.scheduling;

/**
 * The appointment and waitlist routes' request JSON, as records of the host. Members are strings
 * (numbers where the API takes numbers) so that a missing one arrives as null and a wrong type is a
 * 400 naming it; {@link SchedulingParse} turns them into ids, instants and dates, naming each bad one.
 */
public final class AppointmentBodies {
    private AppointmentBodies() {
    }

    public record BookBody(String clientId, String serviceId, String start, String professionalId) {
    }

    public record SeriesBody(String clientId, String serviceId, String start, String professionalId,
                             Integer everyWeeks, Integer count) {
    }

    /** Why an appointment is cancelled; it may say why the client cannot come (health data). */
    public record CancelBody(String reason) {
        @Override
        public String toString() {
            return "CancelBody[redacted]";
        }
    }

    public record RescheduleBody(String start, String professionalId) {
    }

    public record WaitlistBody(String clientId, String serviceId, String from, String to, String professionalId) {
    }
}
