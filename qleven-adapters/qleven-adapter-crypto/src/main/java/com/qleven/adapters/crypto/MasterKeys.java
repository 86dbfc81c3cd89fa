package com.qleven.adapters.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key ring, kept outside the database in a file readable only by its owner:
 * <pre>
 * primary=k1a2b3c4
 * key.k1a2b3c4=&lt;base64 of 32 bytes&gt;
 * secret=&lt;base64 of 32 bytes&gt;
 * </pre>
 * The primary key wraps new data keys; older {@code key.*} entries stay to unwrap what they wrapped.
 * {@code secret} is the root of derived keys (blind indexes, the audit chain's HMAC key, the database
 * role's password), so that rotating the wrapping key changes none of them.
 *
 * <p>{@link #rotate} and {@link #removeKey} rewrite the file atomically: a new file readable only by
 * its owner is written beside it and moved over it, so a crash leaves the old file or the new one,
 * never half of one.
 */
public final class MasterKeys {
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HEADER =
            "# Qleven master keys. Keep this file outside the database and its backups; losing it loses the data.\n";
    private final String primaryId;
    private final Map<String, SecretKey> keys;
    private final byte[] secret;
    /** The file these keys were read from and its modification time then, so a reader can follow a rotation. */
    private final Optional<Path> source;
    private final FileTime sourceTime;

    private MasterKeys(String primaryId, Map<String, SecretKey> keys, byte[] secret) {
        this(primaryId, keys, secret, Optional.empty(), FileTime.fromMillis(0));
    }

    private MasterKeys(String primaryId, Map<String, SecretKey> keys, byte[] secret, Optional<Path> source,
                       FileTime sourceTime) {
        this.primaryId = primaryId;
        this.keys = Map.copyOf(keys);
        this.secret = secret.clone();
        this.source = source;
        this.sourceTime = sourceTime;
    }

    /**
     * The keys as the file holds them now when it changed since these were read (a {@code keys
     * rotate} or {@code keys retire} by another process), else these. Keys not read from a file
     * never change.
     */
    public MasterKeys reloadIfChanged() {
        if (source.isEmpty()) {
            return this;
        }
        try {
            if (Files.getLastModifiedTime(source.get()).equals(sourceTime)) {
                return this;
            }
        } catch (IOException e) {
            return this;
        }
        return load(source.get());
    }

    /** Reads the key file, creating it with fresh random keys (mode 0600) when it does not exist. */
    public static MasterKeys loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                byte[] content = newKeyFile().getBytes(StandardCharsets.UTF_8);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: read theirs
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the master key file " + file, e);
            }
        }
        return load(file);
    }

    /**
     * Reads an existing key file. Like ssh with a private key, a file that its group or others may
     * read, write or run is refused before it is read: whoever can read it can read every record.
     */
    public static MasterKeys load(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("master key file " + file + " does not exist or is not readable");
        }
        refuseIfShared(file);
        try {
            FileTime time = Files.getLastModifiedTime(file);
            MasterKeys parsed = parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            return new MasterKeys(parsed.primaryId, parsed.keys, parsed.secret, Optional.of(file), time);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read master key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void refuseIfShared(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the permissions of master key file " + file + ": "
                    + e.getMessage(), e);
        }
        Set<PosixFilePermission> shared = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        shared.retainAll(permissions);
        if (!shared.isEmpty()) {
            throw new IllegalArgumentException("master key file " + file + " has mode "
                    + PosixFilePermissions.toString(permissions) + ": its group or other users can use it; "
                    + "make it readable by its owner only with: chmod 600 " + file);
        }
    }

    /** A key ring from the text of a key file; {@code source} names it in errors. */
    public static MasterKeys parse(String text, String source) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("master key file " + source + " is not a properties file", e);
        }
        String primary = p.getProperty("primary");
        if (primary == null || primary.isBlank()) {
            throw new IllegalArgumentException("master key file " + source + " has no 'primary' entry");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("key.")) {
                keys.put(name.substring(4), new SecretKeySpec(decode(p.getProperty(name), name, source), "AES"));
            }
        }
        if (!keys.containsKey(primary)) {
            throw new IllegalArgumentException("master key file " + source + " has no key." + primary);
        }
        String secret = p.getProperty("secret");
        if (secret == null) {
            throw new IllegalArgumentException("master key file " + source + " has no 'secret' entry");
        }
        return new MasterKeys(primary, keys, decode(secret, "secret", source));
    }

    /** The text of a new key file with one random wrapping key and a random secret. */
    public static String newKeyFile() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[KEY_BYTES];
        byte[] secret = new byte[KEY_BYTES];
        byte[] id = new byte[4];
        random.nextBytes(key);
        random.nextBytes(secret);
        random.nextBytes(id);
        String keyId = "k" + HexFormat.of().formatHex(id);
        Base64.Encoder b64 = Base64.getEncoder();
        return HEADER
                + "primary=" + keyId + "\n"
                + "key." + keyId + "=" + b64.encodeToString(key) + "\n"
                + "secret=" + b64.encodeToString(secret) + "\n";
    }

    public String primaryId() {
        return primaryId;
    }

    /** The ids of every key of the ring, the primary among them. */
    public Set<String> keyIds() {
        return new TreeSet<>(keys.keySet());
    }

    /**
     * Adds a new random key to the file and makes it the primary; the old keys stay to unwrap the
     * data keys they wrapped. Hosts read the file at start, so they wrap with the new key after a
     * restart.
     *
     * @return the ring as the file now holds it
     */
    public static MasterKeys rotate(Path file) {
        return rewrite(file, ring -> {
            String id;
            do {
                id = newKeyId();
            } while (ring.keys.containsKey(id));
            Map<String, SecretKey> keys = new LinkedHashMap<>(ring.keys);
            keys.put(id, new SecretKeySpec(randomBytes(KEY_BYTES), "AES"));
            return new MasterKeys(id, keys, ring.secret);
        });
    }

    /**
     * Removes a key that is no longer the primary. The caller makes sure that no stored data key is
     * still wrapped by it: what it wrapped could not be read any more.
     *
     * @return the ring as the file now holds it
     */
    public static MasterKeys removeKey(Path file, String keyId) {
        return rewrite(file, ring -> {
            if (!ring.keys.containsKey(keyId)) {
                throw new IllegalArgumentException("the master key file has no key " + keyId);
            }
            if (ring.primaryId.equals(keyId)) {
                throw new IllegalArgumentException(keyId + " is the primary key; rotate before removing it");
            }
            Map<String, SecretKey> keys = new LinkedHashMap<>(ring.keys);
            keys.remove(keyId);
            return new MasterKeys(ring.primaryId, keys, ring.secret);
        });
    }

    /** Reads, changes and replaces the file under an exclusive lock, so two rotations cannot lose one. */
    private static MasterKeys rewrite(Path file, UnaryOperator<MasterKeys> change) {
        Path absolute = file.toAbsolutePath();
        try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            MasterKeys changed = change.apply(load(absolute));
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    out.write(java.nio.ByteBuffer.wrap(changed.toKeyFile().getBytes(StandardCharsets.UTF_8)));
                    out.force(true);
                }
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the master key file " + file, e);
        }
    }

    private String toKeyFile() {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder text = new StringBuilder(HEADER).append("primary=").append(primaryId).append('\n');
        new TreeSet<>(keys.keySet()).forEach(id -> text.append("key.").append(id).append('=')
                .append(b64.encodeToString(keys.get(id).getEncoded())).append('\n'));
        return text.append("secret=").append(b64.encodeToString(secret)).append('\n').toString();
    }

    private static String newKeyId() {
        return "k" + HexFormat.of().formatHex(randomBytes(4));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    SecretKey primary() {
        return keys.get(primaryId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** 32 bytes derived from the secret for one purpose; the same file always gives the same bytes. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("qleven|" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] decode(String value, String name, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key file " + source + ": " + name + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("master key file " + source + ": " + name + " must be 32 bytes");
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "MasterKeys[primary=" + primaryId + ", keys=" + keys.size() + "]";
    }
}
