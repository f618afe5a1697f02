-- Titles of joint actions in other languages, added by CDAs.
create table joint_action_title (
    action_id bigint not null references joint_action (action_id),
    locale text not null,
    title text not null,
    created_at timestamptz not null,
    primary key (action_id, locale)
);
