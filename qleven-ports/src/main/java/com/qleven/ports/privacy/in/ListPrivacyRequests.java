package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.PrivacyRequestStatus;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;
import java.util.Optional;

/**
 * The center's data-subject requests, oldest received first: all of them, or those in one status
 * now ({@code OPEN} meaning every unanswered one, due soon and overdue included).
 */
public interface ListPrivacyRequests {
    Page<PrivacyRequestView> list(Principal principal, Optional<PrivacyRequestStatus> status, PageRequest page);
}
