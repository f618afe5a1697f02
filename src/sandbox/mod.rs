//! `clusterbot sandbox`: the whole product on one machine, without Telegram or a network.
//! The real bot — the same handler tree, jobs and outbox sender, through teloxide — runs in
//! this process against a Bot API [`emulator`] on 127.0.0.1, on a database of its own seeded
//! with a demo cluster ([`seed`]); a chat [`page`] in the browser lets you be any of its
//! people, join as someone new from an invite link, move the clock forward so reminders and
//! check-ins fire now, and preview an XLSForm as a member would answer it.

pub mod emulator;
pub mod page;
pub mod seed;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use teloxide::prelude::*;
use teloxide::types::{BotCommandScope, Recipient};
use tokio::sync::Mutex;

use crate::bot::App;
use crate::domain::form::Audience;
use crate::domain::ids::FormVersionId;
use crate::domain::{Gender, Locale};
use crate::i18n::I18n;
use crate::store::{BOT_USERNAME, NewMember, Redeemed, Store};
use emulator::{Emulator, Person};
use seed::Roster;

/// The sandbox's database when none is named: its own file, never production's.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://clusterbot-sandbox.db";
/// Where it keeps voice notes and photos when no folder is named.
pub const DEFAULT_DATA_DIR: &str = "clusterbot-sandbox-data";

/// Everything the page's handlers need.
#[derive(Clone)]
pub struct Sandbox {
    pub emulator: Emulator,
    pub app: App,
    pub bot: Bot,
    pub roster: Arc<Mutex<Roster>>,
    pub database_url: Arc<String>,
    /// The last form preview that was refused, for its page.
    pub last_preview: Arc<std::sync::Mutex<Option<Preview>>>,
}

/// What a form preview came to.
pub enum Preview {
    /// Imported: the form, and the languages it can be answered in.
    Ready { form_pk: FormVersionId, notes: Vec<String> },
    /// Refused: each problem, by sheet, row and column.
    Refused(Vec<crate::domain::form::xlsform::ImportError>),
    /// Not a spreadsheet at all.
    Unreadable(String),
}

/// Runs the sandbox until Ctrl-C: seeds the database on first start, starts the emulator
/// and the bot, and serves the page on `listen`.
pub async fn run(
    listen: SocketAddr,
    database_url: &str,
    data_dir: PathBuf,
    form: Option<PathBuf>,
) -> anyhow::Result<()> {
    let store = Store::open(database_url)
        .await
        .with_context(|| format!("could not open the sandbox database {database_url}"))?;
    store.own_database_file(database_url)?;
    let overrides = crate::config::parse_locales_dir(std::env::var("LOCALES_DIR").ok());
    let i18n = Arc::new(I18n::load_with(overrides.as_deref())?);
    let roster = seed::seed(&store).await.context("could not seed the sandbox's demo")?;
    let emulator = Emulator::new();
    let api_url = emulator.serve().await.context("could not start the sandbox's Bot API emulator")?;
    for person in &roster.people {
        emulator.open_chat(person);
    }
    let bot = Bot::new(emulator::TOKEN).set_api_url(api_url);
    let me = bot.get_me().await.context("the sandbox's Bot API emulator did not answer")?;
    store.set_setting(BOT_USERNAME, me.username()).await?;
    let app = App::new(store.clone(), i18n.clone(), data_dir);
    crate::bot::publish_default_commands(&bot, &i18n).await?;
    let sandbox = Sandbox {
        emulator,
        app: app.clone(),
        bot: bot.clone(),
        roster: Arc::new(Mutex::new(roster)),
        database_url: Arc::new(database_url.to_owned()),
        last_preview: Arc::default(),
    };
    sandbox.publish_menus().await;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("could not listen on {listen} (--listen)"))?;
    let local = listener.local_addr()?;
    let mut start_page = format!("http://{local}/");
    if let Some(path) = form {
        let bytes = std::fs::read(&path).with_context(|| format!("could not read {}", path.display()))?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("form.xlsx").to_owned();
        let preview = sandbox.preview(&bytes, &name).await?;
        match &preview {
            Preview::Ready { form_pk, .. } => start_page = format!("http://{local}/preview/{form_pk}"),
            Preview::Refused(problems) => {
                eprintln!("{} was refused:", path.display());
                for p in problems {
                    eprintln!("  - {p}");
                }
                start_page = format!("http://{local}/preview/refused");
            }
            Preview::Unreadable(why) => {
                eprintln!("{} is not a spreadsheet clusterbot reads: {why}", path.display())
            }
        }
        if !matches!(preview, Preview::Ready { .. }) {
            *sandbox.last_preview.lock().expect("not poisoned") = Some(preview);
        }
    }
    let router = page::router(sandbox.clone());
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            tracing::error!(error = %e, "the sandbox page stopped");
        }
    });
    tracing::info!(database = %database_url, "sandbox: the real bot runs against an emulated Bot API; nothing reaches Telegram");
    // One line on stdout, for people and for scripts (the tests read it).
    println!("clusterbot sandbox: open {start_page}");
    let stopped = crate::runtime::run(bot, app, crate::runtime::Receive::Polling).await;
    store.close().await;
    stopped.map_err(Into::into)
}

impl Sandbox {
    /// Telegram keeps a member's command menu; the emulator starts empty, so each start
    /// publishes the menus of the people on the page, as the bot did when they joined.
    async fn publish_menus(&self) {
        let people = self.roster.lock().await.people.clone();
        for p in people {
            self.publish_menu(p.id).await;
        }
    }

    async fn publish_menu(&self, telegram_user_id: i64) {
        let store = &self.app.store;
        let Ok(Some(member)) = store.member_by_telegram(telegram_user_id).await else { return };
        let Ok(memberships) = store.memberships(member.member_id).await else { return };
        let Some(role) = memberships.first().map(|m| m.role) else { return };
        let locale = member.locale.unwrap_or(Locale::En);
        let menu = crate::bot::menu_for(&self.app.i18n, locale, Some(role));
        let scope = BotCommandScope::Chat { chat_id: Recipient::Id(ChatId(telegram_user_id)) };
        if let Err(e) = self.bot.set_my_commands(menu).scope(scope).await {
            tracing::warn!(error = %e, "sandbox: could not publish a member's menu");
        }
    }

    /// A new person on the page, who opens an invite link: Telegram sends `/start <code>`.
    pub async fn join(&self, code: &str, name: &str, language: Locale) -> anyhow::Result<i64> {
        let mut roster = self.roster.lock().await;
        let what = roster
            .invites
            .iter()
            .find(|(_, c)| c == code)
            .map(|(w, _)| w.clone())
            .unwrap_or_else(|| "an invite".into());
        let id = roster.next_id();
        let name =
            if name.trim().is_empty() { format!("Newcomer {}", id % 1000) } else { name.trim().to_owned() };
        let person = Person {
            id,
            first_name: name,
            language_code: language.code().to_owned(),
            about: format!("joined from the invite for {what}"),
        };
        roster.people.push(person.clone());
        roster.save(&self.app.store).await?;
        drop(roster);
        self.emulator.open_chat(&person);
        self.emulator.send_text(id, &format!("/start {code}"));
        Ok(id)
    }

    /// Moves the sandbox clock forward and runs the reminder and check-in jobs at once (the
    /// outbox sender, which looks every second, then delivers what fell due).
    pub async fn advance(&self, by: chrono::Duration) -> anyhow::Result<(usize, usize)> {
        crate::clock::advance(by);
        let now = crate::store::now();
        let nudges = crate::jobs::nudge_once(&self.app, now).await?;
        let checkins = crate::jobs::checkins_once(&self.app, now).await?;
        tracing::info!(hours = by.num_hours(), nudges, checkins, "sandbox: the clock moved forward");
        Ok((nudges, checkins))
    }

    /// Reads a form a CDA dropped on the page: refused with its problems, or imported into
    /// the sandbox database (never production's).
    pub async fn preview(&self, bytes: &[u8], name: &str) -> anyhow::Result<Preview> {
        use crate::import::ImportFailure;
        match crate::import::import(&self.app.store, bytes, name, None).await {
            Ok(imported) => Ok(Preview::Ready {
                form_pk: imported.form_pk,
                notes: imported
                    .cut
                    .iter()
                    .map(ToString::to_string)
                    .chain(imported.missing_media.iter().map(|m| {
                        format!("audio prompt '{m}' is not in the sandbox; its question is asked without it")
                    }))
                    .collect(),
            }),
            Err(ImportFailure::Invalid(problems)) => Ok(Preview::Refused(problems)),
            Err(ImportFailure::Read(e)) => Ok(Preview::Unreadable(e.to_string())),
            Err(e) => Err(e.into()),
        }
    }

    /// Sends a previewed form to the preview person, in `language`; returns their chat.
    pub async fn try_form(&self, form_pk: FormVersionId, language: Locale) -> anyhow::Result<i64> {
        let store = &self.app.store;
        let mut roster = self.roster.lock().await;
        let (cluster_id, invite_id) =
            roster.preview.context("this sandbox database has no preview cluster")?;
        let id = match roster.preview_person {
            Some(id) => id,
            None => {
                let id = roster.next_id();
                let person = Person {
                    id,
                    first_name: "Form preview".into(),
                    language_code: language.code().into(),
                    about: "answers the forms you preview".into(),
                };
                let joined = store
                    .join(
                        invite_id,
                        &NewMember {
                            telegram_user_id: id,
                            chat_id: id,
                            display_name: "Form preview".into(),
                            locale: language,
                            gender: Some(Gender::Undisclosed),
                            cooperative_id: None,
                        },
                    )
                    .await?;
                anyhow::ensure!(matches!(joined, Redeemed::Joined(_)), "the preview person could not join");
                roster.people.push(person);
                roster.preview_person = Some(id);
                id
            }
        };
        if let Some(p) = roster.people.iter_mut().find(|p| p.id == id) {
            p.language_code = language.code().into();
            self.emulator.open_chat(p);
            self.emulator.set_language(id, language.code());
        }
        roster.save(store).await?;
        drop(roster);
        let member = store.member_by_telegram(id).await?.context("the preview person is gone")?;
        store.set_member_locale(member.member_id, language).await?;
        store.create_launch(form_pk, cluster_id, Audience::Cluster, None, None).await?;
        self.publish_menu(id).await;
        Ok(id)
    }
}
