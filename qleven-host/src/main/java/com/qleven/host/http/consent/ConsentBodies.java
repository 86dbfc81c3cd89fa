package com.qleven.host.http.consent;

/**
 * The consent routes' request JSON, as records of the host. Members are strings so that a missing
 * one arrives as null and a wrong type is a 400 naming it; the use case validates the values.
 */
public final class ConsentBodies {
    private ConsentBodies() {
    }

    public record RecordConsentBody(String purpose, String decision, String channel, String textVersion, String text,
                                    String proof) {
        @Override
        public String toString() {
            return "RecordConsentBody[purpose=" + purpose + ", decision=" + decision + ", channel=" + channel + "]";
        }
    }

    public record AddPurposeBody(String code, String description, Boolean marketing) {
    }

    /** A notice's new text, kept exactly as sent. */
    public record PublishNoticeBody(String text) {
        @Override
        public String toString() {
            return "PublishNoticeBody[text=" + (text == null ? "null" : text.length() + " characters") + "]";
        }
    }
}
