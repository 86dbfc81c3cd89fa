package com.qleven.ports.consent.out;

import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The notice texts centers publish per consent purpose, append-only: a version is added, never
 * changed or removed, since ledger entries name it. Every lookup is within one center; writes join
 * the unit of work open on the thread.
 */
public interface ConsentNotices {

    /** Adds the version; {@code false} when the center already has that version of the purpose. */
    boolean add(NoticeText notice);

    /** The purpose's newest version, if the center published one. */
    Optional<NoticeText> latest(TenantId tenant, ConsentPurpose purpose);

    /** The newest version of each purpose the center published a text for, in one read, by purpose code. */
    List<NoticeText> latestOfEach(TenantId tenant);

    /** Up to {@code limit} versions of the purpose below {@code beforeVersion}, newest first. */
    List<NoticeText> versions(TenantId tenant, ConsentPurpose purpose, int beforeVersion, int limit);
}
