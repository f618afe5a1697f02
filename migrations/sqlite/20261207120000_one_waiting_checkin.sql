-- At most one check-in waits per member and joint action, whatever number of bot processes
-- queue check-ins at once (on PostgreSQL two instances' jobs could both see none waiting).
-- Waiting duplicates are all answered by the same report, so dropping the later ones loses
-- nothing.
delete from checkin
where answered_at is null
  and checkin_id not in (
    select min(checkin_id) from checkin where answered_at is null group by action_id, member_id
  );

create unique index checkin_one_waiting on checkin (action_id, member_id) where answered_at is null;
