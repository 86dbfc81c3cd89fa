package com.qleven.ports.messaging.in;

/**
 * What the browser's Embedded Signup gave: the code to exchange (valid about 30 seconds), the
 * business account id and the phone-number id; the number's 6-digit two-step PIN when it is to be
 * registered here (null otherwise), and the number as people read it when known (null otherwise).
 * The code and PIN never show in {@link #toString()}.
 */
public record EmbeddedSignupCommand(String code, String wabaId, String phoneNumberId, String pin,
                                    String displayPhoneNumber) {
    @Override
    public String toString() {
        return "EmbeddedSignupCommand[phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId + "]";
    }
}
