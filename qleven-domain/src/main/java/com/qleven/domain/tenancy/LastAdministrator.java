package com.qleven.domain.tenancy;

import com.qleven.domain.shared.ConflictException;

/**
 * A center always keeps an administrator who can act: nobody else can add people, change roles or
 * reactivate anyone, so losing the last one would lock the center out of its own team.
 */
public final class LastAdministrator {
    private LastAdministrator() {
    }

    /**
     * @param activeAdministrators the center's active administrators, counted under a lock that
     *                             holds until the change commits, so two concurrent demotions
     *                             cannot both pass
     * @throws ConflictException when {@code after} would leave the center without one
     */
    public static void check(Membership before, Membership after, long activeAdministrators) {
        if (before.isActiveAdministrator() && !after.isActiveAdministrator() && activeAdministrators <= 1) {
            throw new ConflictException("this is the center's last active administrator: make another person"
                    + " administrator before demoting or deactivating this one");
        }
    }
}
