-- One outbox for everything the bot sends on its own: besides meetings' messages, a row now
-- carries a questionnaire invitation or reminder (`response_id`) or a joint action's check-in
-- (`action_id`). SQLite cannot relax a column's NOT NULL, so the table is rebuilt.
create table outbox_new (
    outbox_id integer primary key,
    meeting_id integer references meeting (meeting_id),
    response_id integer references response (response_id),
    action_id integer references joint_action (action_id),
    member_id integer not null references member (member_id),
    kind text not null check (kind in ('invitation', 'reminder', 'update', 'cancel', 'nudge',
                                       'form_invitation', 'form_reminder', 'checkin')),
    offset_minutes integer not null default 0,
    generation integer not null default 0,
    due_at text not null,
    state text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed', 'skipped', 'uncertain')),
    claimed_by text,
    claimed_at text,
    sent_at text,
    attempts integer not null default 0,
    last_error text,
    created_at text not null,
    check ((meeting_id is not null) + (response_id is not null) + (action_id is not null) = 1)
);
insert into outbox_new (outbox_id, meeting_id, member_id, kind, offset_minutes, generation, due_at, state,
                        claimed_by, claimed_at, sent_at, attempts, last_error, created_at)
    select outbox_id, meeting_id, member_id, kind, offset_minutes, generation, due_at, state,
           claimed_by, claimed_at, sent_at, attempts, last_error, created_at from outbox;
drop table outbox;
alter table outbox_new rename to outbox;
create unique index outbox_once_key on outbox (meeting_id, member_id, kind, offset_minutes, generation)
    where meeting_id is not null and kind <> 'nudge';
create unique index outbox_invitation_once on outbox (response_id) where kind = 'form_invitation';
create index outbox_due_idx on outbox (state, due_at);
create index outbox_response_idx on outbox (response_id) where response_id is not null;
