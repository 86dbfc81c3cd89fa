package com.qleven.ports.scheduling.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A treatment of the catalogue as an embedder types it, built by name with {@link #builder()}:
 * only the members given are set. The use case checks them all at once and names each bad one as
 * the HTTP body would ({@code durationMinutes}, {@code price.currency}, {@code professionalIds[1]}):
 * the rate must be an active one of the center, the currency the center's, the professionals its
 * members. To create, name, duration, price and tax rate are required; to change a service, give
 * only what changes.
 */
public final class ServiceCommand {
    private final Map<String, Object> members;

    private ServiceCommand(Map<String, Object> members) {
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The members given, named as the HTTP body names them. */
    public Map<String, Object> members() {
        return members;
    }

    @Override
    public String toString() {
        return "ServiceCommand" + members.keySet();
    }

    /** Collects the members; {@link #build()} checks nothing (the center decides what is valid). */
    public static final class Builder {
        private final Map<String, Object> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder name(String name) {
            members.put("name", name);
            return this;
        }

        public Builder durationMinutes(int minutes) {
            members.put("durationMinutes", minutes);
            return this;
        }

        public Builder bufferBeforeMinutes(int minutes) {
            members.put("bufferBeforeMinutes", minutes);
            return this;
        }

        public Builder bufferAfterMinutes(int minutes) {
            members.put("bufferAfterMinutes", minutes);
            return this;
        }

        /** The price in the currency's minor unit (cents), in the center's currency. */
        public Builder price(long amountMinor, String currency) {
            Map<String, Object> price = new LinkedHashMap<>();
            price.put("amountMinor", amountMinor);
            price.put("currency", currency);
            members.put("price", price);
            return this;
        }

        /**
         * The deposit the desk asks for at booking, in the price's currency, more than 0 and at most
         * the price; {@link #noDeposit()} removes it.
         */
        public Builder deposit(long amountMinor, String currency) {
            Map<String, Object> deposit = new LinkedHashMap<>();
            deposit.put("amountMinor", amountMinor);
            deposit.put("currency", currency);
            members.put("deposit", deposit);
            return this;
        }

        /** No deposit asked (a change removes the one the service had). */
        public Builder noDeposit() {
            members.put("deposit", null);
            return this;
        }

        /** The code of one of the center's active tax rates ({@code "21"}, {@code "exempt"}). */
        public Builder taxRate(String code) {
            members.put("taxRate", code);
            return this;
        }

        public Builder roomRequired(boolean required) {
            members.put("roomRequired", required);
            return this;
        }

        /** The kinds of equipment the treatment needs, one piece of each. */
        public Builder equipmentKinds(List<String> kinds) {
            members.put("equipmentKinds", List.copyOf(kinds));
            return this;
        }

        /** Who may perform it; empty: any member with working hours. */
        public Builder professionalIds(List<UUID> professionals) {
            members.put("professionalIds", professionals.stream().map(UUID::toString).toList());
            return this;
        }

        public Builder active(boolean active) {
            members.put("active", active);
            return this;
        }

        public ServiceCommand build() {
            return new ServiceCommand(members);
        }
    }
}
