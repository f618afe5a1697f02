-- One outbox for everything the bot sends on its own: besides meetings' messages, a row now
-- carries a questionnaire invitation or reminder (`response_id`) or a joint action's check-in
-- (`action_id`).
alter table outbox alter column meeting_id drop not null;
alter table outbox add column response_id bigint references response (response_id);
alter table outbox add column action_id bigint references joint_action (action_id);
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in ('invitation', 'reminder', 'update', 'cancel', 'nudge',
                                                                    'form_invitation', 'form_reminder', 'checkin'));
alter table outbox add constraint outbox_one_subject
    check ((meeting_id is not null)::int + (response_id is not null)::int + (action_id is not null)::int = 1);
drop index outbox_once_key;
create unique index outbox_once_key on outbox (meeting_id, member_id, kind, offset_minutes, generation)
    where meeting_id is not null and kind <> 'nudge';
create unique index outbox_invitation_once on outbox (response_id) where kind = 'form_invitation';
create index outbox_response_idx on outbox (response_id) where response_id is not null;
