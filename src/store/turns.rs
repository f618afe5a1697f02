//! A chat's turn across instances (PostgreSQL): several `clusterbot webhook` processes may
//! receive updates of one chat, and the second must not be applied before the first.
//!
//! Before a webhook request is answered, its update takes its chat's turn — a session
//! advisory lock, `pg_advisory_lock(TURN_SPACE, <chat>)`, on a connection of a small pool of
//! its own — and holds it until the update is handled. Telegram posts a chat's next update
//! only once the previous request was answered, so wherever that next update lands it waits
//! for the turn. A dead instance's connection closes, and its turns go with it.
//!
//! A waiting request holds a connection of the pool too, and nothing that holds a turn ever
//! needs a second one, so a full pool makes requests wait (then answer 503, for Telegram to
//! deliver again) but never deadlocks. A turn is never handed back to the pool while held:
//! it is unlocked first, or its connection is closed.

use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres};

use super::{Db, Store};

/// The first key of the two-key advisory locks ("clch"). Two-key locks never meet the
/// one-key sender lease, whatever the numbers.
const TURN_SPACE: i32 = 0x636c_6368;

/// The chats' turns of one process: a pool of `size` connections (see the module docs).
#[derive(Debug, Clone)]
pub struct ChatTurns {
    pool: PgPool,
    /// The lock timeout of its connections.
    for_turn: Duration,
}

/// A chat's turn, held until [`ChatTurn::release`] (or the drop, which releases it too).
#[derive(Debug)]
pub struct ChatTurn {
    conn: Option<PoolConnection<Postgres>>,
    key: i32,
}

/// Why a turn could not be taken in time; the request is answered 503 and delivered again.
#[derive(Debug, thiserror::Error)]
pub enum TurnError {
    #[error("the chat's turn did not come within {0:?}")]
    Timeout(Duration),
    #[error("no connection for chats' turns came free within {0:?} (WEBHOOK_CHAT_TURNS)")]
    NoConnection(Duration),
    #[error("could not take the chat's turn: {0}")]
    Database(sqlx::Error),
}

/// The lock's second key: a Telegram chat id folded into 32 bits. Ids below 2³¹ (most users)
/// keep their own number; two chats that share a key only take turns with each other.
pub fn turn_key(chat_id: i64) -> i32 {
    (chat_id ^ (chat_id >> 32)) as i32
}

impl Store {
    /// The chats' turns (see the module docs), on PostgreSQL; `None` on SQLite, where one
    /// process owns the database file and its dispatcher orders each chat's updates.
    /// `size` bounds the updates this process holds at once; `wait` how long a request waits
    /// in all: two fifths of it for a connection, the rest for the turn.
    pub fn chat_turns(&self, size: u32, wait: Duration) -> Option<ChatTurns> {
        let Db::Postgres(main) = &self.db else { return None };
        let (for_connection, for_turn) = (wait * 2 / 5, wait * 3 / 5);
        let lock_timeout = format!("{}ms", for_turn.as_millis());
        let options = (*main.connect_options()).clone().options([("lock_timeout", lock_timeout.as_str())]);
        let pool = PgPoolOptions::new()
            .max_connections(size)
            .min_connections(0)
            .acquire_timeout(for_connection)
            .test_before_acquire(false)
            .connect_lazy_with(options);
        Some(ChatTurns { pool, for_turn })
    }
}

impl ChatTurns {
    /// Waits for `chat_id`'s turn.
    pub async fn take(&self, chat_id: i64) -> Result<ChatTurn, TurnError> {
        let mut conn = self.pool.acquire().await.map_err(|e| match e {
            sqlx::Error::PoolTimedOut => TurnError::NoConnection(self.pool.options().get_acquire_timeout()),
            other => TurnError::Database(other),
        })?;
        let key = turn_key(chat_id);
        match sqlx::query("select pg_advisory_lock($1, $2)")
            .bind(TURN_SPACE)
            .bind(key)
            .execute(&mut *conn)
            .await
        {
            Ok(_) => Ok(ChatTurn { conn: Some(conn), key }),
            // lock_timeout: the connection is clean (the statement failed), back to the pool.
            Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("55P03") => {
                Err(TurnError::Timeout(self.for_turn))
            }
            Err(e) => {
                // Whatever state it is in, it holds no turn of ours once closed.
                drop(conn.detach());
                Err(TurnError::Database(e))
            }
        }
    }
}

impl ChatTurn {
    /// Ends the turn: the chat's next update may go, here or in another process.
    pub async fn release(mut self) {
        if let Some(conn) = self.conn.take() {
            unlock(conn, self.key).await;
        }
    }
}

async fn unlock(mut conn: PoolConnection<Postgres>, key: i32) {
    let unlocked: Result<bool, _> = sqlx::query_scalar("select pg_advisory_unlock($1, $2)")
        .bind(TURN_SPACE)
        .bind(key)
        .fetch_one(&mut *conn)
        .await;
    if !matches!(unlocked, Ok(true)) {
        // Never give the pool a connection that may still hold the turn: close it.
        drop(conn.detach());
    }
}

impl Drop for ChatTurn {
    fn drop(&mut self) {
        let Some(conn) = self.conn.take() else { return };
        let key = self.key;
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(unlock(conn, key));
            }
            // No runtime left to unlock on: closing the connection ends the turn.
            Err(_) => drop(conn.detach()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_ids_fold_into_distinct_keys_where_they_fit() {
        assert_eq!(turn_key(7001), 7001);
        assert_eq!(turn_key(2_147_483_647), 2_147_483_647);
        assert_ne!(turn_key(-1_001_234_567_890), turn_key(1_001_234_567_890));
        assert_ne!(turn_key(6_000_000_001), turn_key(6_000_000_002));
    }
}
