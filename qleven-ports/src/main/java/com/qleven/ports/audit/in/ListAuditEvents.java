package com.qleven.ports.audit.in;

import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;

/** The audit events of the administrator's center, newest first. */
public interface ListAuditEvents {
    Page<AuditRecord> list(Principal principal, PageRequest page);
}
