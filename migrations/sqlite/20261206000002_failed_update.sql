-- Updates whose handling failed inside the bot (a database or Telegram error): kept, so what
-- the member sent is not lost, until an operator has looked (pruned after 30 days, removed
-- with the member's data by /forget).
create table failed_update (
    update_id integer primary key,
    chat_id integer not null,
    payload text not null,
    error text not null,
    failed_at text not null
);
create index failed_update_chat on failed_update (chat_id);
