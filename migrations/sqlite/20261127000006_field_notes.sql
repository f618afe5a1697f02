-- Field notes sent by CDAs, the cluster each CDA is working in, the coordinator flag (sees
-- every cluster), and failed invite-code attempts (to slow down guessing).

alter table member add column coordinator boolean not null default false;

create table field_note (
    field_note_id integer primary key,
    cluster_id integer not null references cluster (cluster_id),
    member_id integer references member (member_id),
    kind text not null check (kind in ('text', 'voice', 'photo', 'document', 'location')),
    body text,
    tag text check (tag in ('meeting', 'visit', 'problem', 'success')),
    media_file_id integer references media_file (media_file_id),
    latitude real,
    longitude real,
    created_at text not null
);
create index field_note_cluster_idx on field_note (cluster_id, created_at);

create table working_cluster (
    member_id integer primary key references member (member_id),
    cluster_id integer not null references cluster (cluster_id),
    updated_at text not null
);

create table invite_attempt (
    invite_attempt_id integer primary key,
    telegram_user_id integer not null,
    created_at text not null
);
create index invite_attempt_user_idx on invite_attempt (telegram_user_id, created_at);
