-- The board's identifier of the CE provider that gave a credit (optional; credits logged before have none). It
-- travels in CeCreditLogged so that a CE provider's webhook subscription receives its own credits only.
alter table ce_credit add column provider_id text;
