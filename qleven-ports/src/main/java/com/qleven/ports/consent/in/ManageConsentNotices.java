package com.qleven.ports.consent.in;

import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;

/**
 * The notice texts a center publishes for its consent purposes, built-in ones included: the exact
 * words a client is shown before consenting (online booking records them in the ledger). Each
 * publication of a new text is a new version; versions are never changed or removed.
 */
public interface ManageConsentNotices {

    /**
     * Publishes {@code text} as the purpose's next version (administrators only). Sending the text
     * of the current version again publishes nothing and answers that version, so a retry is safe.
     *
     * @throws com.qleven.domain.shared.NotFoundException when the center has no purpose {@code purpose}
     * @throws com.qleven.domain.shared.ValidationException naming {@code text} when missing, blank or too long
     * @throws com.qleven.domain.shared.ConflictException when another text was published at the same moment
     */
    NoticeText publish(Principal principal, String purpose, String text);

    /**
     * The purpose's versions, newest first, a page at a time (every member who records consents).
     *
     * @throws com.qleven.domain.shared.NotFoundException when the center has no purpose {@code purpose}
     */
    Page<NoticeText> versions(Principal principal, String purpose, PageRequest page);
}
