-- Joint actions of the action plan, members' progress reports on them (with text, voice and
-- photo notes), and check-ins: the bot asking owners how an action is going.

create table joint_action (
    action_id integer primary key,
    cluster_id integer not null references cluster (cluster_id),
    title text not null,
    description text,
    start_date date not null,
    due_date date not null,
    target real,
    unit text,
    rhythm_days integer,
    created_by_member_id integer references member (member_id),
    done_at text,
    created_at text not null
);

-- No row: the whole cluster owns the action.
create table joint_action_owner (
    action_id integer not null references joint_action (action_id),
    cooperative_id integer not null references cooperative (cooperative_id),
    primary key (action_id, cooperative_id)
);

create table progress_report (
    report_id integer primary key,
    action_id integer not null references joint_action (action_id),
    member_id integer not null references member (member_id),
    status text not null check (status in ('not_started', 'on_track', 'delayed', 'blocked', 'done')),
    percent real,
    amount real,
    blocker text check (blocker in ('money', 'inputs', 'people', 'equipment', 'permits', 'other')),
    created_at text not null,
    undone_at text
);

create table report_note (
    note_id integer primary key,
    report_id integer not null references progress_report (report_id),
    kind text not null check (kind in ('text', 'voice', 'photo')),
    body text,
    media_file_id integer references media_file (media_file_id),
    created_at text not null
);

create table checkin (
    checkin_id integer primary key,
    action_id integer not null references joint_action (action_id),
    member_id integer not null references member (member_id),
    asked_at text not null,
    answered_at text
);
