package com.qleven.domain.tenancy;

/** Something a use case checks before it acts. The table of who holds what is {@link Permissions}. */
public enum Permission {
    VIEW_OWN_PROFILE,
    VIEW_USERS,
    MANAGE_USERS
}
