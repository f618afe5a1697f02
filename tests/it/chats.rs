//! How the running bot takes updates (`runtime::Chats`): each chat's in the order they came,
//! one at a time, every chat at once; a panic loses only its own update.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use clusterbot::bot::{App, BotError};
use clusterbot::i18n::I18n;
use clusterbot::runtime::Chats;
use teloxide::prelude::*;
use teloxide::types::Me;

use crate::support::TestDb;

fn update(id: u32, chat: i64, text: &str) -> Update {
    // From text: teloxide reads an update's kind from the raw JSON.
    let json = serde_json::json!({
        "update_id": id,
        "message": {
            "message_id": id,
            "date": 1_700_000_000,
            "chat": {"id": chat, "type": "private", "first_name": "Amina"},
            "from": {"id": chat, "is_bot": false, "first_name": "Amina"},
            "text": text,
        }
    });
    serde_json::from_str(&json.to_string()).unwrap()
}

fn me() -> Me {
    serde_json::from_value(serde_json::json!({
        "id": 1, "is_bot": true, "first_name": "Cluster", "username": "cluster_bot",
        "can_join_groups": false, "can_read_all_group_messages": false,
        "supports_inline_queries": false, "can_connect_to_business": false, "has_main_web_app": false,
    }))
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_chats_updates_in_order_every_chat_at_once() {
    let db = TestDb::sqlite().await;
    let app = App::new(db.store.clone(), Arc::new(I18n::load().unwrap()), std::env::temp_dir());
    let seen: Arc<Mutex<BTreeMap<i64, Vec<u32>>>> = Arc::default();
    // Chat 1's first update waits until chat 2's last (58) has been handled: if chats waited for each
    // other, it never would.
    let chat2_done = Arc::new(tokio::sync::Notify::new());
    let handler = {
        let (seen, chat2_done) = (seen.clone(), chat2_done.clone());
        dptree::endpoint(move |update: Update| {
            let (seen, chat2_done) = (seen.clone(), chat2_done.clone());
            async move {
                let chat = update.chat().unwrap().id.0;
                let teloxide::types::UpdateKind::Message(msg) = &update.kind else { unreachable!() };
                let text = msg.text().unwrap_or_default().to_owned();
                if text == "wait" {
                    tokio::time::timeout(Duration::from_secs(10), chat2_done.notified())
                        .await
                        .expect("chat 2 was held behind chat 1");
                }
                if text == "panic" {
                    panic!("a bug in a handler");
                }
                // Later updates of a chat take less time: out of turn they would finish first.
                let id = update.id.0;
                tokio::time::sleep(Duration::from_millis(u64::from(50 - id % 50))).await;
                seen.lock().unwrap().entry(chat).or_default().push(id);
                if chat == 2 && id == 58 {
                    chat2_done.notify_one();
                }
                Ok::<(), BotError>(())
            }
        })
    };
    let chats = Chats::new(handler, app);
    let bot = Bot::new("1:test");
    chats.take(update(1, 1, "wait"), bot.clone(), me());
    for id in 2..=60 {
        let chat = [1, 2, 3][id as usize % 3];
        let text = if id == 30 { "panic" } else { "hello" };
        chats.take(update(id, chat, text), bot.clone(), me());
    }
    tokio::time::timeout(Duration::from_secs(30), chats.finished()).await.expect("all handled");
    let seen = seen.lock().unwrap().clone();
    let expected = |chat: i64| -> Vec<u32> {
        (1..=60).filter(|&id| if id == 1 { chat == 1 } else { [1, 2, 3][id as usize % 3] == chat }).collect()
    };
    assert_eq!(seen[&1], expected(1).into_iter().filter(|&id| id != 30).collect::<Vec<_>>());
    assert_eq!(seen[&2], expected(2));
    assert_eq!(seen[&3], expected(3));
    // Nothing is held once a chat's updates are done: a new one is handled as before.
    chats.take(update(61, 1, "hello"), bot, me());
    tokio::time::timeout(Duration::from_secs(10), chats.finished()).await.expect("handled");
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_at_once_updates_in_hand_and_none_lost() {
    use clusterbot::runtime::AT_ONCE;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let db = TestDb::sqlite().await;
    let app = App::new(db.store.clone(), Arc::new(I18n::load().unwrap()), std::env::temp_dir());
    let (now, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let handled: Arc<Mutex<Vec<u32>>> = Arc::default();
    let handler = {
        let (now, most, handled) = (now.clone(), most.clone(), handled.clone());
        dptree::endpoint(move |update: Update| {
            let (now, most, handled) = (now.clone(), most.clone(), handled.clone());
            async move {
                let in_hand = now.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(in_hand, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(200)).await;
                now.fetch_sub(1, Ordering::SeqCst);
                handled.lock().unwrap().push(update.id.0);
                Ok::<(), BotError>(())
            }
        })
    };
    let chats = Chats::new(handler, app);
    let bot = Bot::new("1:test");
    // More chats than may be handled at once, each with two updates.
    let total = 2 * (AT_ONCE as u32 + 50);
    for id in 1..=total {
        chats.take(update(id, i64::from((id - 1) % (AT_ONCE as u32 + 50)) + 1, "hello"), bot.clone(), me());
    }
    tokio::time::timeout(Duration::from_secs(30), chats.finished()).await.expect("all handled");
    assert_eq!(most.load(Ordering::SeqCst), AT_ONCE, "as many in hand as allowed, never more");
    let mut handled = handled.lock().unwrap().clone();
    handled.sort_unstable();
    assert_eq!(handled, (1..=total).collect::<Vec<_>>(), "every update handled once");
    db.cleanup().await;
}
