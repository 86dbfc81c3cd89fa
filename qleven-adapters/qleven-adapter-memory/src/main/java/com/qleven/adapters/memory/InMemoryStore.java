package com.qleven.adapters.memory;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.shared.out.WrappedKey;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.TypedMember;
import com.qleven.ports.tenancy.out.Sessions;
import com.qleven.ports.tenancy.out.StoredAccount;
import com.qleven.ports.tenancy.out.StoredSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every out-port in memory: for embedding without a database, for examples and for fast tests of the
 * use cases. Behaves as the PostgreSQL store does (the same contract suites run against both),
 * including atomic units of work and per-center visibility. Nothing survives the JVM.
 */
public final class InMemoryStore implements QlevenStore {
    private final InMemoryTransactions tx = new InMemoryTransactions();
    private final InMemoryInvitations invitations = new InMemoryInvitations(tx);
    private final InMemoryAccountTokens accountTokens = new InMemoryAccountTokens(tx);
    private final InMemoryMailOutbox mailOutbox = new InMemoryMailOutbox(tx);
    private final InMemoryIdempotencyRecords idempotencyRecords = new InMemoryIdempotencyRecords(tx);
    private final InMemoryClients clients = new InMemoryClients(tx);
    private final InMemoryConsentLedger consentLedger = new InMemoryConsentLedger(tx, clients);
    private final InMemoryConsentPurposes consentPurposes = new InMemoryConsentPurposes(tx);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(tx);
    private final InMemoryIncidents incidents = new InMemoryIncidents(tx);
    private final InMemoryCenterNotifications centerNotifications = new InMemoryCenterNotifications(tx);
    private final InMemorySubprocessors subprocessors = new InMemorySubprocessors(tx);
    private final InMemoryPrivacyRequests privacyRequests = new InMemoryPrivacyRequests(tx);
    private final InMemorySuppressions suppressions = new InMemorySuppressions(tx);
    private final InMemoryPolicyVersions policyVersions = new InMemoryPolicyVersions(tx);
    private final InMemoryClientRestrictions clientRestrictions = new InMemoryClientRestrictions(tx);

    private final Map<TenantId, Center> centers = new HashMap<>();
    private final Map<UserId, StoredAccount> accounts = new HashMap<>();
    private final Map<List<Object>, Membership> memberships = new HashMap<>();
    private final Map<SessionKey, StoredSession> sessions = new HashMap<>();
    private final Map<BlindIndex, UserId> accountEmails = new HashMap<>();
    private final Map<UserId, List<Directory.Placement>> directoryMemberships = new HashMap<>();
    private final Map<List<Object>, TypedMember> typedMembers = new HashMap<>();
    private final Map<String, Directory.SessionToken> sessionTokens = new HashMap<>();
    private final Map<String, List<Instant>> rateEvents = new HashMap<>();
    private final Map<UUID, WrappedKey> dataKeys = new HashMap<>();

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed longs. */
    static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private record SessionKey(Optional<TenantId> tenant, SessionId id) {
    }

    private <K, V> void put(Map<K, V> map, K key, V value) {
        V previous = map.put(key, value);
        tx.onRollback(() -> {
            if (previous == null) {
                map.remove(key);
            } else {
                map.put(key, previous);
            }
        });
    }

    private <K, V> void remove(Map<K, V> map, K key) {
        V previous = map.remove(key);
        if (previous != null) {
            tx.onRollback(() -> map.put(key, previous));
        }
    }

    @Override
    public Transactions transactions() {
        return tx;
    }

    @Override
    public Directory directory() {
        return directory;
    }

    @Override
    public RateLimits rateLimits() {
        return rateLimits;
    }

    @Override
    public DataKeys dataKeys() {
        return keys;
    }

    @Override
    public IdempotencyRecords idempotencyRecords() {
        return idempotencyRecords;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public Centers centers() {
        return centerRepository;
    }

    @Override
    public Accounts accounts() {
        return accountRepository;
    }

    @Override
    public Memberships memberships() {
        return membershipRepository;
    }

    @Override
    public com.qleven.ports.tenancy.out.Invitations invitations() {
        return invitations;
    }

    @Override
    public com.qleven.ports.tenancy.out.AccountTokens accountTokens() {
        return accountTokens;
    }

    @Override
    public com.qleven.ports.shared.out.MailOutbox mailOutbox() {
        return mailOutbox;
    }

    @Override
    public Clients clients() {
        return clients;
    }

    @Override
    public com.qleven.ports.consent.out.ConsentLedger consentLedger() {
        return consentLedger;
    }

    @Override
    public com.qleven.ports.consent.out.ConsentPurposes consentPurposes() {
        return consentPurposes;
    }

    @Override
    public com.qleven.ports.privacy.out.Incidents incidents() {
        return incidents;
    }

    @Override
    public com.qleven.ports.privacy.out.CenterNotifications centerNotifications() {
        return centerNotifications;
    }

    @Override
    public com.qleven.ports.privacy.out.Subprocessors subprocessors() {
        return subprocessors;
    }

    @Override
    public com.qleven.ports.privacy.out.PrivacyRequests privacyRequests() {
        return privacyRequests;
    }

    @Override
    public com.qleven.ports.privacy.out.Suppressions suppressions() {
        return suppressions;
    }

    @Override
    public com.qleven.ports.privacy.out.PolicyVersions policyVersions() {
        return policyVersions;
    }

    @Override
    public com.qleven.ports.clients.out.ClientRestrictions clientRestrictions() {
        return clientRestrictions;
    }

    @Override
    public com.qleven.ports.shared.out.OperationalRecords operationalRecords() {
        return operationalRecords;
    }

    private final Map<TenantId, Instant> housekeepingDue = new HashMap<>();

    private static Instant over(StoredSession s) {
        return s.endedAt().filter(e -> e.isBefore(s.absoluteExpiry())).orElse(s.absoluteExpiry());
    }

    private final com.qleven.ports.shared.out.OperationalRecords operationalRecords =
            new com.qleven.ports.shared.out.OperationalRecords() {
        @Override
        public int forgetSessionTokensExpiredBefore(Instant cutoff, int limit) {
            return tx.within(() -> {
                List<String> gone = sessionTokens.entrySet().stream()
                        .filter(e -> e.getValue().absoluteExpiry().isBefore(cutoff))
                        .limit(limit).map(Map.Entry::getKey).toList();
                gone.forEach(k -> remove(sessionTokens, k));
                return gone.size();
            });
        }

        @Override
        public int forgetInvitationTokensExpiredBefore(Instant cutoff, int limit) {
            return accountTokens.forgetInvitationsExpiredBefore(cutoff, limit);
        }

        @Override
        public int forgetMembershipTokensExpiredBefore(Instant cutoff, int limit) {
            return accountTokens.forgetMembershipTokensExpiredBefore(cutoff, limit);
        }

        @Override
        public int forgetResetTokensExpiredBefore(Instant cutoff, int limit) {
            return accountTokens.forgetResetsExpiredBefore(cutoff, limit);
        }

        @Override
        public int forgetSessionsOverBefore(Optional<TenantId> tenant, Instant cutoff, int limit) {
            return tx.within(() -> {
                tenant.ifPresent(tx::checkWrite);
                List<SessionKey> gone = sessions.entrySet().stream()
                        .filter(e -> e.getKey().tenant().equals(tenant) && over(e.getValue()).isBefore(cutoff))
                        .limit(limit).map(Map.Entry::getKey).toList();
                gone.forEach(k -> remove(sessions, k));
                return gone.size();
            });
        }

        @Override
        public Optional<Instant> firstSessionOver(TenantId tenant) {
            return tx.within(() -> {
                tx.checkWrite(tenant);
                return sessions.entrySet().stream()
                        .filter(e -> e.getKey().tenant().equals(Optional.of(tenant)))
                        .map(e -> over(e.getValue())).min(Instant::compareTo);
            });
        }

        @Override
        public void markDue(TenantId tenant, Instant at) {
            tx.within(() -> {
                if (!housekeepingDue.containsKey(tenant)) {
                    put(housekeepingDue, tenant, at);
                }
            });
        }

        @Override
        public List<TenantId> claimDue(Instant now, Instant leaseUntil, int limit) {
            return tx.within(() -> {
                List<TenantId> due = housekeepingDue.entrySet().stream()
                        .filter(e -> !e.getValue().isAfter(now))
                        .sorted(Map.Entry.comparingByValue())
                        .limit(limit).map(Map.Entry::getKey).toList();
                due.forEach(t -> put(housekeepingDue, t, leaseUntil));
                return due;
            });
        }

        @Override
        public void reschedule(TenantId tenant, Instant at) {
            tx.within(() -> put(housekeepingDue, tenant, at));
        }
    };

    @Override
    public Sessions sessions() {
        return sessionRepository;
    }

    private final Centers centerRepository = new Centers() {
        @Override
        public void add(Center center) {
            tx.within(() -> {
                tx.checkWrite(center.id());
                if (centers.containsKey(center.id())) {
                    throw new IllegalStateException("center " + center.id() + " exists");
                }
                put(centers, center.id(), center);
            });
        }

        @Override
        public Optional<Center> byId(TenantId id) {
            return tx.within(() -> Optional.ofNullable(centers.get(id)).filter(c -> tx.visible(c.id())));
        }
    };

    private final Accounts accountRepository = new Accounts() {
        @Override
        public void add(StoredAccount account) {
            tx.within(() -> {
                if (accounts.containsKey(account.id())) {
                    throw new IllegalStateException("account " + account.id() + " exists");
                }
                put(accounts, account.id(), account);
            });
        }

        @Override
        public Optional<StoredAccount> byId(UserId id) {
            return tx.within(() -> Optional.ofNullable(accounts.get(id)));
        }

        @Override
        public List<StoredAccount> byIds(Collection<UserId> ids) {
            return tx.within(() -> ids.stream().distinct().map(accounts::get).filter(Objects::nonNull).toList());
        }

        @Override
        public List<StoredAccount> pageAfter(Optional<UserId> after, int limit) {
            // The canonical text of a UUID sorts as PostgreSQL sorts uuid (unsigned bytes);
            // UUID.compareTo compares signed halves and would not.
            return tx.within(() -> accounts.values().stream()
                    .filter(a -> after.map(id -> a.id().toString().compareTo(id.toString()) > 0).orElse(true))
                    .sorted(java.util.Comparator.comparing(a -> a.id().toString()))
                    .limit(limit).toList());
        }

        @Override
        public void changePasswordHash(UserId id, String passwordHash) {
            tx.within(() -> Optional.ofNullable(accounts.get(id)).ifPresent(a -> put(accounts, id, new StoredAccount(
                    a.id(), a.fullName(), a.email(), a.phone(), passwordHash, a.ageConfirmedAt(), a.operator(),
                    a.createdAt()))));
        }
    };

    private final Memberships membershipRepository = new Memberships() {
        @Override
        public void add(Membership m) {
            tx.within(() -> {
                tx.checkWrite(m.tenantId());
                List<Object> key = List.of(m.tenantId(), m.userId());
                if (memberships.containsKey(key)) {
                    throw new IllegalStateException("membership exists");
                }
                if (!centers.containsKey(m.tenantId())) {
                    throw new IllegalStateException("a membership needs its center");
                }
                put(memberships, key, m);
            });
        }

        @Override
        public Optional<Membership> find(TenantId tenant, UserId user) {
            return tx.within(() -> Optional.ofNullable(memberships.get(List.of(tenant, user)))
                    .filter(m -> tx.visible(m.tenantId())));
        }

        @Override
        public Page<Membership> list(TenantId tenant, PageRequest page) {
            return tx.within(() -> {
                Optional<Cursor> after = page.cursor().map(Cursor::parse);
                List<Membership> sorted = memberships.values().stream()
                        .filter(m -> m.tenantId().equals(tenant) && tx.visible(m.tenantId()))
                        .sorted(Comparator.comparing(Membership::createdAt)
                                .thenComparing(m -> m.userId().value(), InMemoryStore::compareAsPostgres))
                        .filter(m -> after.map(c -> c.before(m)).orElse(true))
                        .toList();
                List<Membership> items = sorted.stream().limit(page.limit()).toList();
                Optional<String> next = sorted.size() > page.limit()
                        ? Optional.of(Cursor.of(items.get(items.size() - 1)))
                        : Optional.empty();
                return new Page<>(items, next);
            });
        }

        @Override
        public void update(Membership m) {
            tx.within(() -> {
                tx.checkWrite(m.tenantId());
                List<Object> key = List.of(m.tenantId(), m.userId());
                Membership stored = memberships.get(key);
                if (stored != null) {
                    put(memberships, key, new Membership(stored.tenantId(), stored.userId(), m.role(),
                            stored.createdAt(), m.active(), stored.pending()));
                }
            });
        }

        @Override
        public List<UserId> lockActiveAdministrators(TenantId tenant) {
            return tx.within(() -> memberships.values().stream()
                    .filter(m -> m.tenantId().equals(tenant) && tx.visible(m.tenantId()) && m.isActiveAdministrator())
                    .map(Membership::userId).toList());
        }

        @Override
        public void addPending(Membership m, TypedMember typed) {
            tx.within(() -> {
                if (!m.pending() || !typed.tenantId().equals(m.tenantId()) || !typed.userId().equals(m.userId())) {
                    throw new IllegalStateException("what was typed belongs to its pending membership");
                }
                add(m);
                put(typedMembers, List.of(m.tenantId(), m.userId()), typed);
            });
        }

        @Override
        public List<TypedMember> typed(TenantId tenant, java.util.Collection<UserId> users) {
            return tx.within(() -> users.stream().map(u -> typedMembers.get(List.of(tenant, u)))
                    .filter(java.util.Objects::nonNull).filter(t -> tx.visible(t.tenantId())).toList());
        }

        @Override
        public boolean accept(TenantId tenant, UserId user) {
            return tx.within(() -> {
                tx.checkWrite(tenant);
                List<Object> key = List.of(tenant, user);
                Membership stored = memberships.get(key);
                if (stored == null || !stored.pending()) {
                    return false;
                }
                put(memberships, key, stored.accepted());
                remove(typedMembers, key);
                return true;
            });
        }

        @Override
        public boolean removePending(TenantId tenant, UserId user) {
            return tx.within(() -> {
                tx.checkWrite(tenant);
                List<Object> key = List.of(tenant, user);
                Membership stored = memberships.get(key);
                if (stored == null || !stored.pending()) {
                    return false;
                }
                remove(memberships, key);
                remove(typedMembers, key);
                return true;
            });
        }
    };

    /** Keyset cursor: the creation time and id of the last item of the page. */
    private record Cursor(Instant createdAt, UUID id) {
        static String of(Membership m) {
            String raw = m.createdAt().toString() + "|" + m.userId().value();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "is not a cursor this list returned");
            }
        }

        boolean before(Membership m) {
            int byTime = m.createdAt().compareTo(createdAt);
            return byTime > 0 || (byTime == 0 && compareAsPostgres(m.userId().value(), id) > 0);
        }
    }

    private final Sessions sessionRepository = new Sessions() {
        @Override
        public void add(StoredSession s) {
            tx.within(() -> {
                s.tenantId().ifPresent(tx::checkWrite);
                if (s.tenantId().isEmpty() && tx.tenant().isPresent()) {
                    throw new IllegalStateException("an operator session is written in a global unit");
                }
                put(sessions, new SessionKey(s.tenantId(), s.id()), s);
            });
        }

        @Override
        public Optional<StoredSession> byId(Optional<TenantId> tenant, SessionId id) {
            return tx.within(() -> Optional.ofNullable(sessions.get(new SessionKey(tenant, id)))
                    .filter(s -> s.tenantId().map(tx::visible).orElse(true)));
        }

        @Override
        public void touch(Optional<TenantId> tenant, SessionId id, Instant lastSeenAt) {
            tx.within(() -> byId(tenant, id).ifPresent(s -> put(sessions, new SessionKey(tenant, id),
                    new StoredSession(s.id(), s.userId(), s.tenantId(), s.createdAt(), lastSeenAt,
                            s.absoluteExpiry(), s.endedAt(), s.endReason(), s.ip(), s.userAgent(), s.country()))));
        }

        @Override
        public void end(Optional<TenantId> tenant, SessionId id, Instant endedAt, String reason) {
            tx.within(() -> byId(tenant, id).filter(s -> s.endedAt().isEmpty()).ifPresent(s ->
                    put(sessions, new SessionKey(tenant, id),
                            new StoredSession(s.id(), s.userId(), s.tenantId(), s.createdAt(), s.lastSeenAt(),
                                    s.absoluteExpiry(), Optional.of(endedAt), Optional.of(reason), s.ip(),
                                    s.userAgent(), s.country()))));
        }

        @Override
        public Page<StoredSession> listOf(Optional<TenantId> tenant, UserId user, PageRequest page) {
            return tx.within(() -> InMemoryPages.newestFirst(sessions.values().stream()
                    .filter(s -> s.tenantId().equals(tenant) && s.userId().equals(user)
                            && s.tenantId().map(tx::visible).orElse(true))
                    .toList(), StoredSession::createdAt, s -> s.id().value(), page));
        }
    };

    private final Directory directory = new Directory() {
        @Override
        public Optional<UserId> accountByEmail(BlindIndex email) {
            return tx.within(() -> Optional.ofNullable(accountEmails.get(email)));
        }

        @Override
        public boolean claimAccountEmail(BlindIndex email, UserId account) {
            return tx.within(() -> {
                UserId holder = accountEmails.get(email);
                if (holder != null) {
                    return holder.equals(account);
                }
                put(accountEmails, email, account);
                return true;
            });
        }

        @Override
        public List<TenantId> centersOf(UserId account) {
            return tx.within(() -> directoryMemberships.getOrDefault(account, List.of()).stream()
                    .filter(p -> !p.pending()).map(Directory.Placement::tenantId).toList());
        }

        @Override
        public List<Directory.CenterChoice> signInChoices(UserId account) {
            // As PostgreSQL's directory: a membership the center deactivated is left out, one the
            // directory knows without a center row (a bare directory entry) counts as active.
            return tx.within(() -> directoryMemberships.getOrDefault(account, List.of()).stream()
                    .filter(p -> !p.pending())
                    .filter(p -> Optional.ofNullable(memberships.get(List.of(p.tenantId(), account)))
                            .map(Membership::active).orElse(true))
                    .map(p -> new Directory.CenterChoice(p.tenantId(), Optional.ofNullable(centers.get(p.tenantId()))
                            .map(c -> c.profile().name()).orElse("")))
                    .toList());
        }

        @Override
        public List<Directory.MembershipEntry> membershipsOf(UserId account) {
            // As PostgreSQL's directory: the center's row as it stands, with the directory's own
            // pending flag; none for a bare directory entry.
            return tx.within(() -> directoryMemberships.getOrDefault(account, List.of()).stream()
                    .map(p -> new Directory.MembershipEntry(p.tenantId(), Optional.ofNullable(centers.get(p.tenantId()))
                            .map(c -> c.profile().name()).orElse(""),
                            p.pending(), Optional.ofNullable(memberships.get(List.of(p.tenantId(), account)))
                                    .map(m -> new Directory.Details(m.role().wireName(), m.createdAt(), m.active()))))
                    .toList());
        }

        @Override
        public List<Directory.Placement> placementsOf(UserId account) {
            return tx.within(() -> List.copyOf(directoryMemberships.getOrDefault(account, List.of())));
        }

        @Override
        public void addMembership(UserId account, TenantId tenant) {
            place(account, tenant, false);
        }

        @Override
        public void addPendingMembership(UserId account, TenantId tenant) {
            place(account, tenant, true);
        }

        private void place(UserId account, TenantId tenant, boolean pending) {
            tx.within(() -> {
                List<Directory.Placement> placements =
                        new ArrayList<>(directoryMemberships.getOrDefault(account, List.of()));
                if (placements.stream().noneMatch(p -> p.tenantId().equals(tenant))) {
                    placements.add(new Directory.Placement(tenant, pending));
                    put(directoryMemberships, account, List.copyOf(placements));
                }
            });
        }

        @Override
        public void acceptMembership(UserId account, TenantId tenant) {
            tx.within(() -> put(directoryMemberships, account, directoryMemberships.getOrDefault(account, List.of())
                    .stream().map(p -> p.tenantId().equals(tenant) ? new Directory.Placement(tenant, false) : p)
                    .toList()));
        }

        @Override
        public void removeMembership(UserId account, TenantId tenant) {
            tx.within(() -> put(directoryMemberships, account, directoryMemberships.getOrDefault(account, List.of())
                    .stream().filter(p -> !p.tenantId().equals(tenant)).toList()));
        }

        @Override
        public void addSessionToken(SessionToken token) {
            tx.within(() -> put(sessionTokens, token.tokenHash(), token));
        }

        @Override
        public Optional<SessionToken> sessionByTokenHash(String tokenHash) {
            return tx.within(() -> Optional.ofNullable(sessionTokens.get(tokenHash)));
        }

        @Override
        public void removeSessionToken(UUID sessionId) {
            tx.within(() -> sessionTokens.entrySet().stream()
                    .filter(e -> e.getValue().sessionId().equals(sessionId))
                    .map(Map.Entry::getKey).toList()
                    .forEach(hash -> remove(sessionTokens, hash)));
        }

        @Override
        public List<SessionToken> sessionTokensOf(UserId account) {
            return tx.within(() -> sessionTokens.values().stream().filter(t -> t.userId().equals(account)).toList());
        }
    };

    private final RateLimits rateLimits = new RateLimits() {
        private String key(String bucket, BlindIndex key) {
            return bucket + "|" + key.hex();
        }

        @Override
        public Window since(String bucket, BlindIndex key, Instant since) {
            return tx.within(() -> {
                List<Instant> events = rateEvents.getOrDefault(key(bucket, key), List.of()).stream()
                        .filter(at -> !at.isBefore(since)).toList();
                return new Window(events.size(), events.stream().min(Comparator.naturalOrder()));
            });
        }

        @Override
        public void record(String bucket, BlindIndex key, Instant at) {
            tx.within(() -> {
                List<Instant> events = new ArrayList<>(rateEvents.getOrDefault(key(bucket, key), List.of()));
                events.add(at);
                put(rateEvents, key(bucket, key), List.copyOf(events));
            });
        }

        @Override
        public void clear(String bucket, BlindIndex key) {
            tx.within(() -> remove(rateEvents, key(bucket, key)));
        }

        @Override
        public void lock(String bucket, BlindIndex key) {
            // Units of work run one at a time here: the open unit already excludes every other.
            tx.within(() -> { });
        }

        @Override
        public void forget(String bucket, BlindIndex key, Instant at) {
            tx.within(() -> {
                List<Instant> events = new ArrayList<>(rateEvents.getOrDefault(key(bucket, key), List.of()));
                if (events.remove(at)) {
                    if (events.isEmpty()) {
                        remove(rateEvents, key(bucket, key));
                    } else {
                        put(rateEvents, key(bucket, key), List.copyOf(events));
                    }
                }
            });
        }

        @Override
        public int forgetBefore(Instant cutoff) {
            return tx.within(() -> {
                int removed = 0;
                for (String k : List.copyOf(rateEvents.keySet())) {
                    List<Instant> kept = rateEvents.get(k).stream().filter(at -> !at.isBefore(cutoff)).toList();
                    removed += rateEvents.get(k).size() - kept.size();
                    if (kept.isEmpty()) {
                        remove(rateEvents, k);
                    } else if (kept.size() < rateEvents.get(k).size()) {
                        put(rateEvents, k, kept);
                    }
                }
                return removed;
            });
        }
    };

    private final DataKeys keys = new DataKeys() {
        @Override
        public Optional<WrappedKey> byId(UUID keyId) {
            return tx.within(() -> Optional.ofNullable(dataKeys.get(keyId)));
        }

        @Override
        public Optional<WrappedKey> current(KeyScope scope) {
            return tx.within(() -> dataKeys.values().stream().filter(k -> k.scope().equals(scope))
                    .max(Comparator.comparing(WrappedKey::createdAt)));
        }

        @Override
        public WrappedKey addIfAbsent(WrappedKey key) {
            return tx.within(() -> current(key.scope()).orElseGet(() -> {
                put(dataKeys, key.id(), key);
                return key;
            }));
        }

        @Override
        public void shred(KeyScope scope) {
            tx.within(() -> {
                dataKeys.values().stream().filter(k -> k.scope().equals(scope))
                        .map(WrappedKey::id).toList().forEach(id -> remove(dataKeys, id));
                // A cipher may keep the scope's keys for the rest of the unit: they must not outlive the shred.
                tx.forgetUnitLocals();
            });
        }

        @Override
        public List<WrappedKey> wrappedByOtherThan(String masterKeyId, Optional<UUID> after, int limit) {
            return tx.within(() -> dataKeys.values().stream()
                    .filter(k -> !k.masterKeyId().equals(masterKeyId))
                    .filter(k -> after.map(a -> compareAsPostgres(k.id(), a) > 0).orElse(true))
                    .sorted((a, b) -> compareAsPostgres(a.id(), b.id()))
                    .limit(limit)
                    .toList());
        }

        @Override
        public boolean rewrap(UUID keyId, String expectedMasterKeyId, String masterKeyId, byte[] wrapped) {
            return tx.within(() -> {
                WrappedKey k = dataKeys.get(keyId);
                if (k == null || !k.masterKeyId().equals(expectedMasterKeyId)) {
                    return false;
                }
                put(dataKeys, keyId, new WrappedKey(k.id(), k.scope(), masterKeyId, wrapped.clone(), k.createdAt()));
                return true;
            });
        }

        @Override
        public Map<String, Long> countByMasterKey() {
            return tx.within(() -> dataKeys.values().stream().collect(
                    Collectors.groupingBy(WrappedKey::masterKeyId, TreeMap::new, Collectors.counting())));
        }
    };
}
