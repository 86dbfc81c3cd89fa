package com.qleven.ports.consent.in;

import com.qleven.domain.tenancy.Principal;
import java.util.List;

/** A center's consent purposes: the built-in ones and those its administrators add. */
public interface ManageConsentPurposes {

    /**
     * Adds a purpose to the center (administrators only).
     *
     * @throws com.qleven.domain.shared.ValidationException naming each bad member
     * @throws com.qleven.domain.shared.ConflictException when the center already has the code
     */
    PurposeView add(Principal principal, AddPurposeCommand command);

    /** The built-in purposes, then the center's own by code. */
    List<PurposeView> list(Principal principal);

    record AddPurposeCommand(String code, String description, Boolean marketing) {
    }

    record PurposeView(String code, String description, boolean marketing, boolean builtIn) {
    }
}
