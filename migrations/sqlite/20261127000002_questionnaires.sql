-- Questionnaires: imported XLSForms (one row per version), their launches to an audience,
-- one response per invited member, answers saved one by one, and downloaded media.

create table form (
    form_pk integer primary key,
    form_id text not null,
    version text not null,
    title text not null,
    definition text not null,
    created_at text not null
);
create unique index form_id_version_key on form (form_id, version);

-- Audio prompts shipped with a form, and the Telegram file id once sent.
create table form_media (
    form_media_id integer primary key,
    form_pk integer not null references form (form_pk),
    file_name text not null,
    content blob not null,
    telegram_file_id text,
    created_at text not null
);
create unique index form_media_form_file_key on form_media (form_pk, file_name);

create table launch (
    launch_id integer primary key,
    form_pk integer not null references form (form_pk),
    cluster_id integer not null references cluster (cluster_id),
    audience text not null,
    deadline_at text,
    launched_by_member_id integer references member (member_id),
    created_at text not null
);

create table response (
    response_id integer primary key,
    launch_id integer not null references launch (launch_id),
    member_id integer not null references member (member_id),
    status text not null check (status in ('invited', 'started', 'finished')),
    position integer,
    history text not null default '[]',
    pending text,
    invited_at text,
    started_at text,
    finished_at text,
    last_nudge_at text,
    created_at text not null
);
create unique index response_launch_member_key on response (launch_id, member_id);

-- Voice notes and photos, downloaded from Telegram so they outlive its file links.
create table media_file (
    media_file_id integer primary key,
    telegram_file_unique_id text not null,
    kind text not null,
    path text not null,
    size_bytes integer not null,
    created_at text not null
);
create unique index media_file_unique_key on media_file (telegram_file_unique_id);

create table answer (
    answer_id integer primary key,
    response_id integer not null references response (response_id),
    question text not null,
    value text not null,
    media_file_id integer references media_file (media_file_id),
    answered_at text not null
);
create unique index answer_response_question_key on answer (response_id, question);

-- A voice note sent at a choice question: kept beside the answer.
create table voice_comment (
    voice_comment_id integer primary key,
    response_id integer not null references response (response_id),
    question text not null,
    media_file_id integer not null references media_file (media_file_id),
    created_at text not null
);
