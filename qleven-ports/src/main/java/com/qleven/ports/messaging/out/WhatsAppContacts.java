package com.qleven.ports.messaging.out;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The senders of inbound WhatsApp messages, per center ({@link WhatsAppContact}). Every method works
 * in the center's unit; writes join the caller's unit.
 */
public interface WhatsAppContacts {
    /**
     * Stores a new contact; false, writing nothing, when the center already has one at that number's
     * index (or that id): the caller reads that one.
     */
    boolean add(WhatsAppContact contact);

    Optional<WhatsAppContact> find(TenantId tenant, UUID id);

    /** The center's contact at that number's index. */
    Optional<WhatsAppContact> byIndex(TenantId tenant, BlindIndex phoneIndex);

    /**
     * A message from the contact sent at {@code at}: its last inbound time becomes the later of the
     * stored one and {@code at} (order-free), and the profile name, when given, replaces the stored one
     * unless a later message already came.
     */
    void recordInbound(TenantId tenant, UUID contact, Instant at, Optional<byte[]> sealedProfileName);

    /** How many clients had the number when it last wrote. */
    void setMatch(TenantId tenant, UUID contact, WhatsAppContact.Match match);

    /** Staff have been told about the contact (an unmatched or shared number): never again. */
    void markStaffTold(TenantId tenant, UUID contact);

    /** The sender of {@code contact} moved to the number of {@code to}. */
    void moveTo(TenantId tenant, UUID contact, UUID to);

    /**
     * The center's contacts of that match (unmatched or shared) that have messages no client is
     * attributed to, with how many and when the latest was sent; the most recently active first
     * (by last inbound time, then id), one page at a time.
     */
    Page<ContactSummary> awaitingAttribution(TenantId tenant, WhatsAppContact.Match match, PageRequest page);

    /** Deletes the contact (its messages go with it); whether it was there. */
    boolean delete(TenantId tenant, UUID contact);
}
