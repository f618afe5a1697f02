//! Group commit for SQLite: many updates' commits made durable by one fsync.
//!
//! SQLite in WAL mode with `synchronous = FULL` fsyncs the write-ahead log at every commit,
//! under its single write lock: one disk flush per write, one after the other. Here SQLite
//! runs with `synchronous = NORMAL` (a commit is written to the log, not flushed), and every
//! write of the store waits, before it returns, until the log is flushed by [`WalSync`]:
//! whoever arrives while a flush is running waits for the next one, which covers everything
//! committed until it starts. So nothing a member sees acknowledged can be lost in a power
//! cut — the bot answers only after the write returned — and under load one fsync serves
//! every update committed in the meantime.
//!
//! A power cut can lose only commits whose writer had not returned yet: their member saw no
//! answer. The log keeps commits in order, so what survives is always a prefix of what was
//! committed (never a later write without an earlier one).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::{Mutex, watch};

/// Flushes a SQLite database's write-ahead log for every writer waiting on it.
#[derive(Debug)]
pub struct WalSync {
    /// `<database>-wal`.
    wal: PathBuf,
    /// Tickets handed out: one per write that returned from SQLite.
    written: AtomicU64,
    /// The highest ticket known to be on disk.
    synced: watch::Sender<u64>,
    /// Held by the one writer flushing for everyone; holds the inode last flushed with its
    /// folder (a new log file's name must reach the disk too).
    flusher: Mutex<Option<u64>>,
    /// Flushes done, for `/metrics` and the benchmark.
    pub flushes: AtomicU64,
}

impl WalSync {
    pub fn new(database: PathBuf) -> Self {
        let mut wal = database.into_os_string();
        wal.push("-wal");
        Self {
            wal: PathBuf::from(wal),
            written: AtomicU64::new(0),
            synced: watch::Sender::new(0),
            flusher: Mutex::new(None),
            flushes: AtomicU64::new(0),
        }
    }

    /// Returns once everything committed before the call is on disk.
    pub async fn durable(&self) -> std::io::Result<()> {
        let ticket = self.written.fetch_add(1, Ordering::AcqRel) + 1;
        let mut synced = self.synced.subscribe();
        loop {
            if *synced.borrow_and_update() >= ticket {
                return Ok(());
            }
            match self.flusher.try_lock() {
                Ok(mut flushed_inode) => {
                    if *self.synced.borrow() >= ticket {
                        return Ok(());
                    }
                    // Everything with a ticket up to here was committed before this flush.
                    let target = self.written.load(Ordering::Acquire);
                    let wal = self.wal.clone();
                    let known = *flushed_inode;
                    let flushed = tokio::task::spawn_blocking(move || flush(&wal, known))
                        .await
                        .map_err(std::io::Error::other)
                        .and_then(|r| r);
                    self.flushes.fetch_add(1, Ordering::Relaxed);
                    match flushed {
                        Ok(inode) => {
                            *flushed_inode = inode;
                            self.synced.send_modify(|s| *s = (*s).max(target));
                            return Ok(());
                        }
                        Err(e) => {
                            // Wake the waiters: the next one tries again.
                            self.synced.send_modify(|_| {});
                            return Err(e);
                        }
                    }
                }
                // Someone is flushing: wait for their round, then look again.
                Err(_) => {
                    let _ = synced.changed().await;
                }
            }
        }
    }
}

/// fsyncs the log (and, the first time a log file is seen, its folder). No log file: the
/// last connection closed, after checkpointing everything into the database file with a
/// flush of its own.
fn flush(wal: &std::path::Path, known_inode: Option<u64>) -> std::io::Result<Option<u64>> {
    use std::os::unix::fs::MetadataExt;
    let file = match std::fs::File::open(wal) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    file.sync_data()?;
    let inode = file.metadata()?.ino();
    if known_inode != Some(inode)
        && let Some(folder) = wal.parent()
    {
        let folder = if folder.as_os_str().is_empty() { std::path::Path::new(".") } else { folder };
        std::fs::File::open(folder)?.sync_all()?;
    }
    Ok(Some(inode))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// Writers that arrive while a flush runs share the next one: 200 at once cost two
    /// flushes (the first writer's, then one for everyone who came meanwhile), not 200.
    #[tokio::test(flavor = "current_thread")]
    async fn concurrent_writers_share_one_flush() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("bot.db");
        std::fs::write(dir.path().join("bot.db-wal"), b"frames").unwrap();
        let sync = Arc::new(WalSync::new(db));
        let writers: Vec<_> = (0..200)
            .map(|_| {
                let sync = sync.clone();
                tokio::spawn(async move { sync.durable().await })
            })
            .collect();
        for w in writers {
            w.await.unwrap().unwrap();
        }
        let flushes = sync.flushes.load(Ordering::Relaxed);
        assert!((1..=3).contains(&flushes), "{flushes} flushes for 200 writers");
        // A writer alone gets its own flush.
        sync.durable().await.unwrap();
        assert_eq!(sync.flushes.load(Ordering::Relaxed), flushes + 1);
    }

    /// No log file (the last connection checkpointed and removed it): nothing to flush.
    #[tokio::test]
    async fn a_missing_log_is_already_durable() {
        let dir = tempfile::tempdir().unwrap();
        let sync = WalSync::new(dir.path().join("none.db"));
        sync.durable().await.unwrap();
    }
}
