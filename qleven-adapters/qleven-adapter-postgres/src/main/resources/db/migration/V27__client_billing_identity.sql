-- A client's billing identity (issue 10): whom its invoices are made out to (a name, an address and
-- a tax id, each optional but a name or an address), as ONE AES-256-GCM ciphertext under the
-- center's finance key (keystore scope 'finance', owner the center), bound to the client and this
-- column by its associated data. Not under the client's own data key: an invoice must keep its
-- copy of the identity after the client is erased (crypto-shredded). The erasure removes this
-- column's value itself, since shredding the client's key does not reach it. NULL when none.
--
-- public.clients already has ENABLE + FORCE row-level security and its tenant_isolation policy (V2).
ALTER TABLE public.clients ADD COLUMN billing_identity bytea;
