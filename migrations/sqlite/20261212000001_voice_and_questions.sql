-- Voice at every step, a line to the CDA, the bot speaks (issue 12, items 2–4).

-- A name given as a voice note while joining: the audio is kept, CDAs hear it and may type
-- the name; a transcript fills it when transcription is on.
alter table member add column name_media_file_id integer references media_file (media_file_id);

-- A member's question to the CDAs of their cluster ("🙋 Ask my CDA"), text or voice, and the
-- answer a CDA gave by replying to it in Telegram.
create table cda_question (
    question_id integer primary key,
    cluster_id integer not null references cluster (cluster_id),
    member_id integer not null references member (member_id),
    body text,
    media_file_id integer references media_file (media_file_id),
    answered_at text,
    answered_by_member_id integer references member (member_id),
    answer_body text,
    answer_media_file_id integer references media_file (media_file_id),
    created_at text not null
);
create index cda_question_cluster_idx on cda_question (cluster_id, question_id);

-- Each message that carried a question to a CDA: a reply to it answers that question.
create table cda_question_message (
    question_id integer not null references cda_question (question_id),
    chat_id integer not null,
    message_id integer not null,
    created_at text not null
);
create unique index cda_question_message_key on cda_question_message (chat_id, message_id);

-- Speech synthesis (optional): each text, language and voice is synthesised once, and sent
-- again by Telegram's file id.
create table spoken_text (
    spoken_text_id integer primary key,
    text_hash text not null,
    locale text not null,
    voice text not null,
    body text not null,
    telegram_file_id text,
    created_at text not null
);
create unique index spoken_text_key on spoken_text (text_hash, locale, voice);

-- The outbox carries questions to CDAs (`question`) and their answers back (`answer`).
-- SQLite cannot change a check constraint, so the table is rebuilt.
create table outbox_new (
    outbox_id integer primary key,
    meeting_id integer references meeting (meeting_id),
    response_id integer references response (response_id),
    action_id integer references joint_action (action_id),
    question_id integer references cda_question (question_id),
    member_id integer not null references member (member_id),
    kind text not null check (kind in ('invitation', 'reminder', 'update', 'cancel', 'nudge',
                                       'form_invitation', 'form_reminder', 'checkin', 'question', 'answer')),
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
    check ((meeting_id is not null) + (response_id is not null) + (action_id is not null)
           + (question_id is not null) = 1)
);
insert into outbox_new (outbox_id, meeting_id, response_id, action_id, member_id, kind, offset_minutes,
                        generation, due_at, state, claimed_by, claimed_at, sent_at, attempts, last_error,
                        created_at)
    select outbox_id, meeting_id, response_id, action_id, member_id, kind, offset_minutes, generation, due_at,
           state, claimed_by, claimed_at, sent_at, attempts, last_error, created_at from outbox;
drop table outbox;
alter table outbox_new rename to outbox;
create unique index outbox_once_key on outbox (meeting_id, member_id, kind, offset_minutes, generation)
    where meeting_id is not null and kind <> 'nudge';
create unique index outbox_invitation_once on outbox (response_id) where kind = 'form_invitation';
create index outbox_due_idx on outbox (state, due_at);
create index outbox_response_idx on outbox (response_id) where response_id is not null;
create index outbox_question_idx on outbox (question_id) where question_id is not null;
