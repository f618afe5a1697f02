//! Each chat's updates one at a time, in the order they came; every chat at once.
//!
//! teloxide's dispatcher keeps a worker per chat it has seen, each with a channel whose first
//! block holds 32 updates (an update is about 2 KB): 62 KB a chat for as long as the worker
//! lives, 124 MB for 2 000 members answering at once. Here the dispatcher hands every update
//! to [`Chats::take`] at once (in the order it received them), and a chat holds only the
//! updates waiting behind the one in hand: nothing, once they are done. An update without a
//! chat (a press on an inline message) takes its sender's turn instead, as in the webhook.
//!
//! At most [`AT_ONCE`] updates are handled at the same moment, by as many tasks, each taking
//! the next chat whose turn it is; the others wait, as updates, in the order they came.
//! Handling more at once would not answer sooner on a small server (they share its cores),
//! but each one in hand holds its future (about 8 KB), its connection to the Bot API and its
//! request's buffers: a task per chat would cost 2 000 of each for 2 000 members answering
//! at once. The tasks end when nothing is waiting.

use std::collections::{HashMap, VecDeque};
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use futures_util::FutureExt;
use teloxide::dispatching::UpdateHandler;
use teloxide::dptree::di::DependencyMap;
use teloxide::prelude::*;
use teloxide::types::Me;

use crate::bot::{App, BotError};
use crate::web::turn_chat;

/// How many updates are handled at the same moment, at most: enough for the database to
/// commit many together (one flush for all) while others wait on the Bot API.
pub const AT_ONCE: usize = 64;

#[derive(Clone)]
pub struct Chats(Arc<Inner>);

struct Inner {
    handler: UpdateHandler<BotError>,
    app: App,
    /// The app, the bot and its account: what every update is handled with (known once the
    /// dispatcher has asked Telegram who the bot is).
    deps: OnceLock<DependencyMap>,
    queue: Mutex<Queue>,
    /// Updates taken and not yet handled.
    in_hand: AtomicUsize,
    done: tokio::sync::Notify,
}

#[derive(Default)]
struct Queue {
    /// The chats whose turn it is, or will be once a task is free, each with its update, in
    /// the order they came (and an update without a chat).
    ready: VecDeque<(Option<i64>, Update)>,
    /// The chats with an update ready or in hand, and the updates waiting behind it.
    behind: HashMap<i64, VecDeque<Update>>,
    /// The tasks handling updates (at most [`AT_ONCE`]).
    tasks: usize,
}

impl Chats {
    pub fn new(handler: UpdateHandler<BotError>, app: App) -> Self {
        Self(Arc::new(Inner {
            handler,
            app,
            deps: OnceLock::new(),
            queue: Mutex::default(),
            in_hand: AtomicUsize::new(0),
            done: tokio::sync::Notify::new(),
        }))
    }

    /// The dispatcher's one handler: every update goes straight to [`Chats::take`].
    pub fn entry() -> UpdateHandler<BotError> {
        dptree::endpoint(|update: Update, bot: Bot, me: Me, chats: Chats| async move {
            chats.take(update, bot, me);
            Ok(())
        })
    }

    /// Handles `update` after the updates of its chat taken before it, beside every other
    /// chat's. Returns at once.
    pub fn take(&self, update: Update, bot: Bot, me: Me) {
        let inner = &self.0;
        inner.deps.get_or_init(|| dptree::deps![inner.app.clone(), bot, me]);
        inner.in_hand.fetch_add(1, Ordering::AcqRel);
        let chat = turn_chat(&update);
        let mut queue = inner.queue();
        if let Some(chat) = chat {
            match queue.behind.get_mut(&chat) {
                Some(behind) => return behind.push_back(update),
                None => {
                    queue.behind.insert(chat, VecDeque::new());
                }
            }
        }
        queue.ready.push_back((chat, update));
        if queue.tasks < AT_ONCE {
            queue.tasks += 1;
            drop(queue);
            let inner = self.0.clone();
            tokio::spawn(async move {
                while let Some((chat, update)) = inner.next_ready() {
                    inner.handle(update).await;
                    if let Some(chat) = chat {
                        inner.turn_over(chat);
                    }
                }
            });
        }
    }

    /// Waits until every update taken so far is handled.
    pub async fn finished(&self) {
        loop {
            let done = self.0.done.notified();
            tokio::pin!(done);
            done.as_mut().enable();
            if self.0.in_hand.load(Ordering::Acquire) == 0 {
                return;
            }
            done.await;
        }
    }
}

impl Inner {
    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The next chat whose turn it is, with its update; or `None`, and the task asking ends.
    fn next_ready(&self) -> Option<(Option<i64>, Update)> {
        let mut queue = self.queue();
        let next = queue.ready.pop_front();
        if next.is_none() {
            queue.tasks -= 1;
        }
        next
    }

    /// The chat's update in hand is done: its next one, if any, waits its turn behind the
    /// chats ready now; else the chat's turn is over.
    fn turn_over(&self, chat: i64) {
        let mut queue = self.queue();
        match queue.behind.get_mut(&chat).and_then(VecDeque::pop_front) {
            Some(next) => queue.ready.push_back((Some(chat), next)),
            None => {
                queue.behind.remove(&chat);
            }
        }
    }

    async fn handle(&self, update: Update) {
        let mut deps = self.deps.get().cloned().unwrap_or_default();
        deps.insert(update);
        // A panic is a bug: it is logged, and the chat's next updates are still handled.
        match AssertUnwindSafe(self.handler.dispatch(deps)).catch_unwind().await {
            Ok(ControlFlow::Break(Ok(())) | ControlFlow::Continue(_)) => {}
            Ok(ControlFlow::Break(Err(error))) => {
                tracing::error!(error = %error, "an update could not be handled")
            }
            Err(_) => tracing::error!("handling an update panicked"),
        }
        if self.in_hand.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.done.notify_waiters();
        }
    }
}
