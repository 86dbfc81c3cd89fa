-- Deposits and fees (issue 10, item 5).

-- A service may ask a deposit at booking, in its price's currency, more than 0 and at most its price.
ALTER TABLE public.services ADD COLUMN deposit_minor bigint
    CONSTRAINT services_deposit_check CHECK (deposit_minor > 0 AND deposit_minor <= price_minor);

-- Each appointment keeps the deposit its booking asked for, whatever its service asks later.
ALTER TABLE public.appointments
    ADD COLUMN deposit_minor    bigint CONSTRAINT appointments_deposit_check CHECK (deposit_minor > 0),
    ADD COLUMN deposit_currency text   CONSTRAINT appointments_deposit_currency_check
        CHECK (deposit_currency ~ '^[A-Z]{3}$'),
    ADD CONSTRAINT appointments_deposit_whole CHECK ((deposit_minor IS NULL) = (deposit_currency IS NULL));

-- The center's fee policy: a no-show and a cancellation inside the cancellation window each cost a
-- fixed amount (minor units of the center's currency) or a percentage of the service's price, or
-- nothing when neither column is set.
ALTER TABLE public.billing_settings
    ADD COLUMN no_show_fee_minor             bigint       CHECK (no_show_fee_minor > 0),
    ADD COLUMN no_show_fee_percent           numeric(5, 2) CHECK (no_show_fee_percent > 0 AND no_show_fee_percent <= 100),
    ADD COLUMN late_cancellation_fee_minor   bigint       CHECK (late_cancellation_fee_minor > 0),
    ADD COLUMN late_cancellation_fee_percent numeric(5, 2)
        CHECK (late_cancellation_fee_percent > 0 AND late_cancellation_fee_percent <= 100),
    ADD CONSTRAINT billing_settings_one_no_show_fee
        CHECK (no_show_fee_minor IS NULL OR no_show_fee_percent IS NULL),
    ADD CONSTRAINT billing_settings_one_late_cancellation_fee
        CHECK (late_cancellation_fee_minor IS NULL OR late_cancellation_fee_percent IS NULL);
