-- Foundation: clusters, cooperatives, members and their memberships, invites,
-- dialogue state and the bookkeeping that keeps update handling idempotent.
-- Timestamps are stored as RFC 3339 text in UTC.

create table cluster (
    cluster_id integer primary key,
    name text not null,
    timezone text not null,
    locale text not null,
    sector text,
    created_at text not null
);
create unique index cluster_name_key on cluster (name);

create table cooperative (
    cooperative_id integer primary key,
    cluster_id integer not null references cluster (cluster_id),
    name text not null,
    created_at text not null
);
create unique index cooperative_cluster_name_key on cooperative (cluster_id, name);

create table invite (
    invite_id integer primary key,
    code text not null,
    cluster_id integer not null references cluster (cluster_id),
    role text not null check (role in ('producer', 'leader', 'cda')),
    cooperative_id integer references cooperative (cooperative_id),
    max_uses integer not null check (max_uses > 0),
    uses integer not null default 0,
    expires_at text not null,
    created_by_member_id integer,
    revoked_at text,
    created_at text not null
);
create unique index invite_code_key on invite (code);

-- One row per person. Identity columns are nulled by /forget; the row stays so that
-- anonymised answers keep their cluster, cooperative, role and gender-free statistics.
create table member (
    member_id integer primary key,
    telegram_user_id integer,
    chat_id integer,
    display_name text,
    locale text,
    gender text check (gender in ('woman', 'man', 'undisclosed')),
    consent_at text,
    opted_out_at text,
    forgotten_at text,
    created_at text not null
);
create unique index member_telegram_user_id_key on member (telegram_user_id);

-- A member's place in a cluster. A CDA may serve several clusters.
create table membership (
    membership_id integer primary key,
    member_id integer not null references member (member_id),
    cluster_id integer not null references cluster (cluster_id),
    role text not null check (role in ('producer', 'leader', 'cda')),
    cooperative_id integer references cooperative (cooperative_id),
    invite_id integer references invite (invite_id),
    created_at text not null
);
create unique index membership_member_cluster_key on membership (member_id, cluster_id);

-- Declining consent stores nothing about the person: only that an invite was refused.
create table consent_refusal (
    consent_refusal_id integer primary key,
    invite_id integer not null references invite (invite_id),
    created_at text not null
);

create table dialogue_state (
    chat_id integer primary key,
    state text not null,
    updated_at text not null
);

create table processed_update (
    update_id integer primary key,
    created_at text not null
);

create table bot_setting (
    key text primary key,
    value text not null,
    updated_at text not null
);
