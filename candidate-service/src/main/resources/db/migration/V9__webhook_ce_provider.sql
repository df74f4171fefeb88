-- A CE provider's webhook subscription names the provider whose credits it receives (CeCreditLogged.providerId);
-- no other scope names one.
alter table webhook_subscription add column provider_id text;
alter table webhook_subscription add constraint webhook_subscription_provider
    check ((scope = 'CE_PROVIDER') = (provider_id is not null));
