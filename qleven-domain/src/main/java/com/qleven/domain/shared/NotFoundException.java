package com.qleven.domain.shared;

/** No such resource for this center; also what another center's resource looks like. */
public final class NotFoundException extends QlevenException {
    public NotFoundException(String what) {
        super(ErrorCode.NOT_FOUND, what + " not found", null);
    }
}
