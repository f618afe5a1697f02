-- Moving a meeting asks everyone again: the answer given for the old time is kept here
-- (shown to organisers as "before the change", and exported), and `rsvp` starts empty.
alter table meeting_invitee add column previous_rsvp text check (previous_rsvp in ('coming', 'not_coming', 'maybe'));
