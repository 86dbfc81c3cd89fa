package com.qleven.adapters.crypto;

import com.qleven.domain.audit.ChainHash;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditHeadWitness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chains' heads in a file beside the master key, readable only by its owner: one JSON line
 * per chain, {@code {"chain":"<center id>|platform","seq":N,"hash":"<hex>","at":"<instant>"}}. A
 * chain keeps its highest witnessed head. The file is replaced whole (a new file moved over the
 * old one), under a lock that other processes on the same directory respect too.
 */
public final class FileAuditHeadWitness implements AuditHeadWitness {
    private static final Pattern LINE = Pattern.compile(
            "^\\{\"chain\":\"(platform|[0-9a-f-]{36})\",\"seq\":([0-9]{1,19}),\"hash\":\"([0-9a-f]{64})\""
                    + "(?:,\"at\":\"([0-9A-Za-z:.+-]{1,40})\")?}$");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Path lockFile;
    private final Clock clock;

    public FileAuditHeadWitness(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void witness(List<ChainHead> heads) {
        if (heads.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel lockChannel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), ownerOnly());
                 FileLock lock = lockChannel.lock()) {
                Map<Optional<TenantId>, Line> lines = read();
                boolean changed = false;
                Instant now = clock.instant();
                for (ChainHead head : heads) {
                    Line old = lines.get(head.chain());
                    if (old == null || head.seq() > old.head().seq()) {
                        lines.put(head.chain(), new Line(head, Optional.of(now)));
                        changed = true;
                    }
                }
                if (changed) {
                    write(lines);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit head witness " + file, e);
        }
    }

    @Override
    public synchronized List<ChainHead> witnessed() {
        try {
            return read().values().stream().map(Line::head).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit head witness " + file, e);
        }
    }

    private record Line(ChainHead head, Optional<Instant> at) {
        String json() {
            return "{\"chain\":\"" + ChainHead.name(head.chain()) + "\",\"seq\":" + head.seq() + ",\"hash\":\""
                    + head.hash().hex() + "\"" + at.map(a -> ",\"at\":\"" + a + "\"").orElse("") + "}";
        }
    }

    private Map<Optional<TenantId>, Line> read() throws IOException {
        Map<Optional<TenantId>, Line> lines = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return lines;
        }
        int number = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            Line line = parse(text.strip(), number);
            lines.merge(line.head().chain(), line, (a, b) -> a.head().seq() >= b.head().seq() ? a : b);
        }
        return lines;
    }

    private Line parse(String text, int number) {
        Matcher m = LINE.matcher(text);
        try {
            if (m.matches()) {
                Optional<TenantId> chain = m.group(1).equals("platform")
                        ? Optional.empty() : Optional.of(TenantId.of(m.group(1)));
                ChainHead head = new ChainHead(chain, Long.parseLong(m.group(2)), new ChainHash(m.group(3)));
                return new Line(head, Optional.ofNullable(m.group(4)).map(Instant::parse));
            }
        } catch (RuntimeException e) {
            // falls through: a line that matches the shape but not the values is as malformed
        }
        // A witness that cannot be read must not pass for one that says nothing.
        throw new IllegalStateException("the audit head witness " + file + " has a malformed line " + number);
    }

    private void write(Map<Optional<TenantId>, Line> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Line line : lines.values()) {
            text.append(line.json()).append('\n');
        }
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", ownerOnly());
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }
}
