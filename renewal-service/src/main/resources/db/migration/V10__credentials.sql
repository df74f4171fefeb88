-- Verifiable credentials (Open Badges 3.0, secured as JWTs). Each credential owns one position in the board's status
-- lists (the same index in the suspension and the revocation list); positions are never reused.
create sequence credential_status_index_seq minvalue 0 start 0;

create table credential (
    id                uuid primary key,
    certification_id  uuid not null references certification (id),
    status_index      bigint not null unique,
    -- the name as the credential states it (null when issued before any candidate event told it)
    holder_name       text,
    valid_from        date not null,
    valid_until       date not null,
    jwt               text not null,
    key_id            text not null,
    issued_at         timestamptz not null,
    -- a corrected name replaces the credential; the replaced one stays suspended
    superseded_by     uuid references credential (id),
    superseded_reason text,
    -- withdrawn for good
    revoked_at        timestamptz,
    revoked_reason    text
);
create index credential_certification on credential (certification_id);

-- Every public key the board has signed with. Published at /.well-known/jwks.json for as long as the rows stay, so a
-- credential signed before a key rotation still verifies; deleting a row withdraws a (compromised) key.
create table credential_key (
    kid           text primary key,
    public_jwk    text not null,
    first_used_at timestamptz not null
);
