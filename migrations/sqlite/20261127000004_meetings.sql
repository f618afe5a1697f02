-- Meetings, who is invited and their answers, and the outbox through which invitations,
-- reminders and notices are delivered exactly once.

alter table membership add column commission boolean not null default false;

create table meeting (
    meeting_id integer primary key,
    cluster_id integer not null references cluster (cluster_id),
    title text not null,
    starts_at text not null,
    place text not null,
    latitude real,
    longitude real,
    audience text not null,
    reminder_offsets text not null,
    generation integer not null default 0,
    created_by_member_id integer references member (member_id),
    cancelled_at text,
    created_at text not null
);

create table meeting_invitee (
    meeting_id integer not null references meeting (meeting_id),
    member_id integer not null references member (member_id),
    rsvp text check (rsvp in ('coming', 'not_coming', 'maybe')),
    rsvp_at text,
    invitation_message_id integer,
    primary key (meeting_id, member_id)
);

-- One row per message to deliver. 'sending' is set in the same statement that claims the
-- row, just before the request leaves: a row found 'sending' after a crash may have been
-- delivered and is not sent again ('uncertain').
create table outbox (
    outbox_id integer primary key,
    meeting_id integer not null references meeting (meeting_id),
    member_id integer not null references member (member_id),
    kind text not null check (kind in ('invitation', 'reminder', 'update', 'cancel', 'nudge')),
    offset_minutes integer not null default 0,
    generation integer not null default 0,
    due_at text not null,
    state text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed', 'skipped', 'uncertain')),
    claimed_by text,
    claimed_at text,
    sent_at text,
    attempts integer not null default 0,
    last_error text,
    created_at text not null
);
create unique index outbox_once_key on outbox (meeting_id, member_id, kind, offset_minutes, generation) where kind <> 'nudge';
create index outbox_due_idx on outbox (state, due_at);
