package com.qleven.ports.shared.out;

/** One-way password hashing (Argon2id in the default adapter). */
public interface PasswordHasher {

    /** A self-describing hash (algorithm, parameters, salt) of the password. */
    String hash(String password);

    /** True when the password matches; takes the same time whether it does or not. */
    boolean verify(String password, String hash);
}
