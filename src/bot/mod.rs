//! Telegram: the handler tree, dialogues, keyboards and command menus. Handlers turn an
//! update into a domain decision and a store call, then answer in the user's language.

mod account;
mod ask;
mod codes;
mod commands;
mod exports;
mod failure;
mod invite;
mod keyboards;
mod launch;
mod media;
mod meetings;
mod menu;
mod notes;
mod onboarding;
mod plan;
mod questionnaire;
mod report;
mod speak;

use std::sync::Arc;

use teloxide::RequestError;
use teloxide::dispatching::{UpdateFilterExt, UpdateHandler};
use teloxide::prelude::*;
use teloxide::types::{ChatMemberUpdated, Me, User};

use crate::domain::access::{Act, Grant, Viewer};
use crate::domain::ids::ClusterId;
use crate::domain::onboarding::{Dialogue, LostDialogue, Onboarding, Resumed};
use crate::domain::{Locale, Role};
use crate::i18n::{I18n, Reader};
use crate::store::{Member, Membership, Store, StoreError};
use crate::tr;
use codes::ButtonCode;

pub use ask::{answer_message as cda_answer_message, question_message as cda_question_message};
pub use commands::{menu_for, publish_default_commands};
pub use meetings::meeting_message;
pub use questionnaire::invitation as questionnaire_invitation;
pub use report::checkin_message;

/// Everything a handler needs; cheap to clone.
#[derive(Clone, Debug)]
pub struct App {
    pub store: Store,
    pub i18n: Arc<I18n>,
    /// Where downloaded voice notes and photos are kept.
    pub data_dir: Arc<std::path::PathBuf>,
    /// What operators watch (`/metrics`).
    pub metrics: Arc<crate::metrics::Metrics>,
    /// Raised at shutdown: background jobs finish what they hold and stop.
    pub stop: Stop,
    /// Speech synthesis for the 🔊 buttons (`TTS_URL` or `TTS_COMMAND`), when on.
    pub speech: Option<Arc<crate::speech::Speech>>,
}

/// A shutdown signal every background job can look at or wait for.
#[derive(Clone, Debug)]
pub struct Stop(Arc<tokio::sync::watch::Sender<bool>>);

impl Default for Stop {
    fn default() -> Self {
        Self(Arc::new(tokio::sync::watch::Sender::new(false)))
    }
}

impl Stop {
    /// Asks every job to stop.
    pub fn raise(&self) {
        self.0.send_replace(true);
    }

    pub fn is_raised(&self) -> bool {
        *self.0.borrow()
    }

    /// Resolves once [`raise`](Self::raise) was called (at once if it already was).
    pub async fn raised(&self) {
        let mut rx = self.0.subscribe();
        let _ = rx.wait_for(|stop| *stop).await;
    }

    /// Sleeps for `d`, or less if the stop is raised meanwhile; true when it was.
    pub async fn sleep(&self, d: std::time::Duration) -> bool {
        tokio::select! {
            () = tokio::time::sleep(d) => self.is_raised(),
            () = self.raised() => true,
        }
    }
}

/// Why an update could not be done. The first four are answers to the member (in their
/// language, by [`failure`], the one place that turns a failure into words); the rest are
/// internal: the member is told what they sent is kept, and the error is logged once.
#[derive(Debug, thiserror::Error)]
pub enum BotError {
    /// The access matrix says no ([`Caller::require`]).
    #[error("not allowed")]
    NotAllowed,
    /// A button or step that is over: answered, replaced, closed, or forged.
    #[error("no longer active")]
    NoLongerActive,
    /// What the update names is not there (deleted since, or never was).
    #[error("not found: {0}")]
    NotFound(&'static str),
    /// Input that cannot be taken; the text, in the member's language, says what is expected.
    #[error("invalid input")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("Telegram request failed: {0}")]
    Telegram(#[from] RequestError),
    #[error("could not download a file from Telegram: {0}")]
    Download(#[from] teloxide::DownloadError),
    #[error("could not write a file: {0}")]
    Io(#[from] std::io::Error),
}

pub type HandlerResult = Result<(), BotError>;

/// Who is talking to the bot: the Telegram user, their member record if they joined,
/// and the language to answer in.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user: User,
    pub chat_id: ChatId,
    pub member: Option<Member>,
    pub memberships: Vec<Membership>,
    pub locale: Locale,
    /// Project staff who see every cluster.
    pub coordinator: bool,
}

impl Caller {
    /// Who the bot writes for: the caller's language and gender.
    pub fn reader(&self) -> Reader {
        Reader::new(self.locale, self.member.as_ref().and_then(|m| m.gender))
    }

    /// The member's widest role across their clusters.
    pub fn role(&self) -> Option<Role> {
        self.memberships.iter().map(|m| m.role).max()
    }

    pub fn is_cda(&self) -> bool {
        self.role().is_some_and(Role::is_cda)
    }

    /// What access is decided on (see [`crate::domain::access`]).
    pub fn viewer(&self) -> Viewer {
        Viewer {
            member_id: self.member.as_ref().map(|m| m.member_id),
            coordinator: self.coordinator,
            grants: self
                .memberships
                .iter()
                .map(|m| Grant { cluster_id: m.cluster_id, role: m.role, cooperative_id: m.cooperative_id })
                .collect(),
        }
    }

    /// Whether the caller may do `act` in `cluster_id` (to choose what to offer).
    pub fn can(&self, act: Act<'_>, cluster_id: ClusterId) -> bool {
        self.viewer().can(act, cluster_id)
    }

    /// The access check of a handler: `caller.require(act, cluster)?` refuses with
    /// [`BotError::NotAllowed`], which the member hears in their language.
    pub fn require(&self, act: Act<'_>, cluster_id: ClusterId) -> Result<(), BotError> {
        if self.can(act, cluster_id) { Ok(()) } else { Err(BotError::NotAllowed) }
    }
}

impl App {
    pub fn new(store: Store, i18n: Arc<I18n>, data_dir: std::path::PathBuf) -> Self {
        Self {
            store,
            i18n,
            data_dir: Arc::new(data_dir),
            metrics: Arc::default(),
            stop: Stop::default(),
            speech: None,
        }
    }

    /// Looks the caller up and negotiates their language: stored choice, else Telegram's
    /// language, else their cluster's, else English.
    pub async fn caller(&self, user: &User, chat_id: ChatId) -> Result<Caller, StoreError> {
        let (mut member, mut memberships) = self.store.caller_record(user.id.0 as i64).await?;
        // Someone marked unreachable who writes to the bot in private can be reached again,
        // by every feature.
        if let Some(m) = member.as_mut().filter(|m| m.opted_out_at.is_some() && chat_id.0 == user.id.0 as i64)
        {
            self.store.set_opted_out(user.id.0 as i64, false).await?;
            m.opted_out_at = None;
        }
        let coordinator = member.as_ref().is_some_and(|m| m.coordinator);
        if let (true, Some(m)) = (coordinator, &member) {
            // A coordinator works in every cluster as a CDA would.
            for c in self.store.clusters().await? {
                if !memberships.iter().any(|ms| ms.cluster_id == c.cluster_id) {
                    memberships.push(Membership {
                        member_id: m.member_id,
                        cluster_id: c.cluster_id,
                        cluster_name: c.name,
                        cluster_locale: c.locale,
                        role: Role::Cda,
                        cooperative_id: None,
                        cooperative_name: None,
                    });
                }
            }
        }
        let locale = Locale::negotiate(
            member.as_ref().and_then(|m| m.locale),
            user.language_code.as_deref(),
            memberships.first().map(|m| m.cluster_locale),
        );
        Ok(Caller { user: user.clone(), chat_id, member, memberships, locale, coordinator })
    }
}

/// The whole handler tree. Tests dispatch through this very function.
pub fn schema() -> UpdateHandler<BotError> {
    let claim = dptree::filter_async(|update: Update, app: App| async move {
        // A store error must not drop the update: handle it rather than lose it.
        app.store.claim_update(i64::from(update.id.0)).await.unwrap_or(true)
    });

    let private_messages = Update::filter_message()
        .filter(|msg: Message| msg.chat.is_private() && msg.from.is_some())
        .filter_map_async(said)
        .branch(commands::branch())
        .branch(replies());

    let group_messages =
        Update::filter_message().filter(|msg: Message| !msg.chat.is_private()).endpoint(timed::group);

    // Presses first: most updates are presses, and each branch tried before costs a copy.
    claim
        .branch(buttons())
        .branch(private_messages)
        .branch(group_messages)
        .branch(Update::filter_my_chat_member().endpoint(timed::chat_member))
}

/// Each endpoint of [`schema`], counted and timed for `/metrics`, behind the one error
/// boundary ([`super::failure`]): whatever fails is answered, nothing silently.
mod timed {
    use teloxide::prelude::*;
    use teloxide::types::ChatMemberUpdated;

    use super::{App, HandlerResult, failure};
    use crate::metrics::UpdateKind;

    pub async fn group(bot: Bot, app: App, update: Update, msg: Message) -> HandlerResult {
        let metrics = app.metrics.clone();
        let timer = metrics.start(UpdateKind::group);
        let result = super::on_group_message(bot.clone(), app.clone(), msg.clone()).await;
        timer.finish(failure::outcome(&result));
        failure::answer_message(&app, &bot, &update, &msg, result).await;
        Ok(())
    }

    pub async fn chat_member(app: App, update: ChatMemberUpdated) -> HandlerResult {
        let metrics = app.metrics.clone();
        let timer = metrics.start(UpdateKind::chat_member);
        let result = super::on_my_chat_member(app, update).await;
        timer.finish(failure::outcome(&result));
        result
    }
}

/// A message in a private chat that is not a command, and who sent it: what every feature's
/// reply handler is given. Shared, so the many branches it is tried on do not copy it.
#[derive(Clone, Debug)]
pub struct Said(Arc<Saying>);

#[derive(Clone, Debug)]
pub struct Saying {
    pub bot: Bot,
    pub app: App,
    pub caller: Caller,
    pub msg: Message,
    /// The dialogue the chat is in, if any.
    pub dialogue: Option<Dialogue>,
    update: Update,
    started: std::time::Instant,
}

impl std::ops::Deref for Said {
    type Target = Saying;

    fn deref(&self) -> &Saying {
        &self.0
    }
}

/// Messages that are not commands: an answer to the current dialogue step goes to the
/// feature whose dialogue it is; a CDA's spreadsheet is a questionnaire to import, whatever
/// they were doing (but joining), and a CDA's reply to a member's question is its answer;
/// anything else a CDA says is a field note; a member's voice note is a question to their
/// CDA; the rest is not understood.
fn replies() -> UpdateHandler<BotError> {
    dptree::entry()
        .branch(
            dptree::filter(|s: Said| {
                s.caller.is_cda()
                    && !matches!(s.dialogue, Some(Dialogue::Onboarding(_)))
                    && s.msg
                        .document()
                        .and_then(|d| d.file_name.as_deref())
                        .is_some_and(crate::xlsx::is_form_file)
            })
            .chain(answered(|s: Said| async move {
                launch::on_document(&s.bot, &s.app, &s.caller, &s.msg).await
            })),
        )
        // A CDA replying to a member's question answers it, whatever else they were doing.
        .branch(
            dptree::filter_async(|s: Said| async move { ask::replies_to_question(&s).await }).chain(answered(
                |s: Said| async move { ask::on_reply(&s.bot, &s.app, &s.caller, &s.msg).await },
            )),
        )
        .branch(onboarding::replies())
        .branch(questionnaire::replies())
        .branch(report::replies())
        .branch(plan::replies())
        .branch(meetings::replies())
        .branch(ask::replies())
        .branch(dptree::filter(|s: Said| s.dialogue.is_none() && s.caller.is_cda()).chain(answered(
            |s: Said| async move { notes::on_message(&s.bot, &s.app, &s.caller, &s.msg).await },
        )))
        // A member's voice note outside any dialogue goes to their CDA.
        .branch(
            dptree::filter(|s: Said| s.dialogue.is_none() && s.caller.member.is_some() && s.msg.voice().is_some())
                .chain(answered(|s: Said| async move {
                    ask::voice_outside(&s.bot, &s.app, &s.caller, &s.msg).await
                })),
        )
        .branch(answered(|s: Said| async move { menu::not_understood(&s.bot, &s.app, &s.caller).await }))
}

/// A reply endpoint: runs `handle`, and answers a failure through the error boundary.
fn answered<F, Fut>(handle: F) -> UpdateHandler<BotError>
where
    F: Fn(Said) -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = HandlerResult> + Send + 'static,
{
    dptree::endpoint(move |s: Said| {
        let handle = handle.clone();
        async move {
            let result = handle(s.clone()).await;
            s.app.metrics.record(crate::metrics::UpdateKind::message, failure::outcome(&result), s.started);
            failure::answer_message(&s.app, &s.bot, &s.update, &s.msg, result).await;
            Ok(())
        }
    })
}

/// A feature's reply branch: messages in the dialogue state `extract` picks, handled by
/// `handle`.
pub(crate) fn dialogue_replies<T, X, F, Fut>(extract: X, handle: F) -> UpdateHandler<BotError>
where
    T: Clone + Send + Sync + 'static,
    X: Fn(&Dialogue) -> Option<T> + Clone + Send + Sync + 'static,
    F: Fn(Said, T) -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = HandlerResult> + Send + 'static,
{
    dptree::filter_map(move |s: Said| s.dialogue.as_ref().and_then(&extract)).endpoint(
        move |s: Said, state: T| {
            let handle = handle.clone();
            async move {
                let result = handle(s.clone(), state).await;
                s.app.metrics.record(
                    crate::metrics::UpdateKind::message,
                    failure::outcome(&result),
                    s.started,
                );
                failure::answer_message(&s.app, &s.bot, &s.update, &s.msg, result).await;
                Ok(())
            }
        },
    )
}

/// Who said it, and in which dialogue: a dialogue past its lifetime ends here, one that no
/// longer reads is asked again here, and a failure to read either is answered here.
async fn said(bot: Bot, app: App, update: Update, msg: Message) -> Option<Said> {
    let started = std::time::Instant::now();
    let user = msg.from.as_ref()?;
    let read = async {
        let caller = app.caller(user, msg.chat.id).await?;
        let dialogue = match app.store.resume_dialogue(msg.chat.id.0).await? {
            Resumed::Idle => None,
            Resumed::In(d) => match d.lifetime() {
                Some(lifetime) => {
                    let age = app
                        .store
                        .dialogue_updated_at(msg.chat.id.0)
                        .await?
                        .map(|at| crate::store::now() - at);
                    if age.is_none_or(|a| a > lifetime) {
                        app.store.clear_dialogue(msg.chat.id.0).await?;
                        None
                    } else {
                        Some(d)
                    }
                }
                None => Some(d),
            },
            Resumed::Lost(lost) => return Ok(Err((caller, lost))),
        };
        Ok::<_, BotError>(Ok((caller, dialogue)))
    };
    let result = match read.await {
        Ok(Ok((caller, dialogue))) => {
            return Some(Said(Arc::new(Saying { bot, app, caller, msg, dialogue, update, started })));
        }
        Ok(Err((caller, lost))) => reask_lost(&bot, &app, &caller, lost).await,
        Err(e) => Err(e),
    };
    app.metrics.record(crate::metrics::UpdateKind::message, failure::outcome(&result), started);
    failure::answer_message(&app, &bot, &update, &msg, result).await;
    None
}

/// A stored dialogue that no longer reads (an upgrade changed its shape) was dropped: say so
/// gently and ask again where the member was — the joining step, the open question — or
/// show the menu. The chat is never stuck on it.
pub(crate) async fn reask_lost(bot: &Bot, app: &App, caller: &Caller, lost: LostDialogue) -> HandlerResult {
    let locale = lost.locale.unwrap_or(caller.locale);
    bot.send_message(caller.chat_id, tr!(app.i18n, locale, "dialogue-lost")).await?;
    match (lost.kind.as_deref(), &caller.member) {
        (Some("onboarding"), None) if let Some(invite_id) = lost.invite_id => {
            onboarding::rejoin(bot, app, caller, invite_id).await
        }
        // Only questionnaires name a response; where the member is, is kept with it.
        (_, Some(_)) if let Some(response_id) = lost.response_id => {
            match questionnaire::begin(bot, app, caller, response_id).await? {
                None => Ok(()),
                // Not theirs or gone: the menu shows what is open.
                Some(_) => menu::send_menu(bot, app, caller).await,
            }
        }
        (_, Some(_)) => menu::send_menu(bot, app, caller).await,
        (_, None) => {
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "start-no-code")).await?;
            Ok(())
        }
    }
}

/// The bot works in private chats; in a group it only points there, and only when addressed
/// with a command, so it never adds noise to a cooperative's group.
async fn on_group_message(bot: Bot, app: App, msg: Message) -> HandlerResult {
    let is_command = msg.text().is_some_and(|t| t.starts_with('/'));
    if !is_command {
        return Ok(());
    }
    // A member hears the language they chose in the bot, not Telegram's.
    let locale = match msg.from.as_ref() {
        Some(user) => app.caller(user, msg.chat.id).await?.locale,
        None => Locale::negotiate(None, None, None),
    };
    bot.send_message(msg.chat.id, tr!(app.i18n, locale, "group-private-only"))
        .reply_parameters(teloxide::types::ReplyParameters::new(msg.id))
        .await?;
    Ok(())
}

/// A button press and who pressed it: what every feature's button handler is given. Shared,
/// so the many branches it is tried on do not copy it.
#[derive(Clone, Debug)]
pub struct Press(Arc<Pressing>);

impl std::ops::Deref for Press {
    type Target = Pressing;

    fn deref(&self) -> &Pressing {
        &self.0
    }
}

#[derive(Debug)]
pub struct Pressing {
    pub bot: Bot,
    pub app: App,
    pub me: Me,
    pub caller: Caller,
    pub q: CallbackQuery,
    /// Joining in progress: every button is joining's until it ends.
    pub joining: Option<Onboarding>,
    /// The dialogue the chat is in, as read for this press.
    pub dialogue: Option<Dialogue>,
    update: Update,
    started: std::time::Instant,
}

type ButtonResult = Result<Option<String>, BotError>;

/// Every button press. The callback is always answered (no stuck spinner), whatever the
/// button, however old: each feature decodes only its own codes, a failure is its toast
/// ([`failure::toast`]), and a code no feature takes is no longer active.
fn buttons() -> UpdateHandler<BotError> {
    Update::filter_callback_query().filter_map_async(press).endpoint(route_press)
}

/// Hands a press to the feature whose code it carries. One flat match rather than a branch
/// per feature: a branch nests its continuation, so every wake-up of a handler would walk
/// down through every branch tried before it.
///
/// Each feature's handler is boxed: unboxed, every press in hand would hold a future as large
/// as the largest feature's.
async fn route_press(p: Press) -> HandlerResult {
    if let Some(o) = p.joining.clone() {
        return Box::pin(joining_button(p, o)).await;
    }
    let data = p.q.data.as_deref().unwrap_or_default();
    let (bot, app, caller, q) = (&p.bot, &p.app, &p.caller, &p.q);
    if onboarding::JoiningButton::decode(data).is_some() {
        // Joining's buttons pressed after joining ended: their keyboard goes.
        return handle_press(
            &p,
            Box::pin(async {
                keyboards::clear(bot, q).await;
                Err(BotError::NoLongerActive)
            }),
        )
        .await;
    }
    if let Some(b) = codes::LanguageButton::decode(data) {
        return handle_press(&p, Box::pin(account::set_language(bot, app, caller, b.0))).await;
    }
    if let Some(b) = menu::MenuButton::decode(data) {
        return handle_press(&p, Box::pin(commands::on_menu(bot, app, caller, b.0))).await;
    }
    if let Some(b) = account::ForgetButton::decode(data) {
        return handle_press(&p, Box::pin(account::on_forget(bot, app, caller, q, b.0))).await;
    }
    if let Some(b) = invite::InviteDraft::decode(data) {
        return handle_press(&p, Box::pin(invite::on_draft(bot, app, caller, q, &p.me, b))).await;
    }
    if let Some(b) = questionnaire::FormButton::decode(data) {
        return handle_press(
            &p,
            Box::pin(questionnaire::on_button(bot, app, caller, q, b, p.dialogue.as_ref())),
        )
        .await;
    }
    if let Some(b) = launch::LaunchButton::decode(data) {
        return handle_press(&p, Box::pin(launch::on_button(bot, app, caller, q, b))).await;
    }
    if let Some(b) = report::ReportButton::decode(data) {
        return handle_press(&p, Box::pin(report::on_button(bot, app, caller, q, b))).await;
    }
    if let Some(b) = plan::ProgressButton::decode(data) {
        return handle_press(&p, Box::pin(plan::on_button(bot, app, caller, q, b))).await;
    }
    if let Some(b) = plan::DraftButton::decode(data) {
        return handle_press(&p, Box::pin(plan::on_draft_button(bot, app, caller, q, b))).await;
    }
    if let Some(b) = meetings::MeetingButton::decode(data) {
        return handle_press(&p, Box::pin(meetings::on_button(bot, app, caller, q, b))).await;
    }
    if let Some(b) = notes::NoteButton::decode(data) {
        return handle_press(&p, Box::pin(notes::on_button(bot, app, caller, q, b))).await;
    }
    if let Some(b) = exports::ExportButton::decode(data) {
        return handle_press(&p, Box::pin(exports::on_button(bot, app, caller, q, b))).await;
    }
    if let Some(b) = ask::AskButton::decode(data) {
        return handle_press(&p, Box::pin(ask::on_button(bot, app, caller, q, b))).await;
    }
    if speak::SpeakButton::decode(data).is_some() {
        return handle_press(&p, Box::pin(speak::on_press(bot, app, caller, q))).await;
    }
    answer_press(&p, Err(BotError::NoLongerActive)).await
}

/// The heads of every feature's codes (see [`codes::ButtonCode::HEADS`]).
fn all_heads() -> Vec<&'static str> {
    [
        codes::LanguageButton::HEADS,
        onboarding::JoiningButton::HEADS,
        menu::MenuButton::HEADS,
        account::ForgetButton::HEADS,
        invite::InviteDraft::HEADS,
        questionnaire::FormButton::HEADS,
        launch::LaunchButton::HEADS,
        report::ReportButton::HEADS,
        plan::ProgressButton::HEADS,
        plan::DraftButton::HEADS,
        meetings::MeetingButton::HEADS,
        notes::NoteButton::HEADS,
        exports::ExportButton::HEADS,
        ask::AskButton::HEADS,
        speak::SpeakButton::HEADS,
    ]
    .concat()
}

/// Runs a press's handler and answers the press: after it, with its toast, unless the
/// handler answered early ([`answer_press_early`]); then a failure after that is told in the
/// chat.
async fn handle_press(p: &Press, handled: impl std::future::Future<Output = ButtonResult>) -> HandlerResult {
    let answered = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let result = ANSWERED_EARLY.scope(answered.clone(), handled).await;
    if !answered.load(std::sync::atomic::Ordering::Acquire) {
        return answer_press(p, result).await;
    }
    let outcome = failure::outcome(&result);
    let toast = failure::toast(&p.app, &p.update, p.caller.chat_id, p.caller.reader(), &result).await;
    p.app.metrics.record(crate::metrics::UpdateKind::callback, outcome, p.started);
    if let Some(text) = toast {
        p.bot.send_message(p.caller.chat_id, text).await?;
    }
    Ok(())
}

tokio::task_local! {
    /// Set once the press being handled was answered early (see [`answer_press_early`]).
    static ANSWERED_EARLY: Arc<std::sync::atomic::AtomicBool>;
}

/// Answers the press being handled now, without a toast, instead of after the handler: for
/// a step that succeeded and only has messages left to send, so the spinner stops with the
/// read-back rather than after the next question. Outside a button handler it does nothing.
pub(crate) async fn answer_press_early(bot: &Bot, q: &CallbackQuery) {
    let first = ANSWERED_EARLY.try_with(|a| !a.swap(true, std::sync::atomic::Ordering::AcqRel));
    if first == Ok(true)
        && let Err(e) = answer_callback(bot, q, None).await
    {
        tracing::warn!(error = %e, "could not answer a button press");
    }
}

/// Who pressed, and where: presses that cannot be routed (no message, a group chat, a
/// caller that cannot be read, a dialogue that no longer reads) are answered here.
async fn press(bot: Bot, app: App, me: Me, update: Update, q: CallbackQuery) -> Option<Press> {
    let started = std::time::Instant::now();
    let Some(chat_id) = q.message.as_ref().map(|m| m.chat().id) else {
        // A button of an inline message: nothing of ours to route; answer the spinner.
        if let Err(e) = answer_callback(&bot, &q, None).await {
            tracing::warn!(error = %e, "could not answer a button press");
        }
        return None;
    };
    let answer_now = |result: ButtonResult, locale: Reader| {
        let (bot, app, q, update) = (bot.clone(), app.clone(), q.clone(), update.clone());
        async move {
            let outcome = failure::outcome(&result);
            let toast = failure::toast(&app, &update, chat_id, locale, &result).await;
            if let Err(e) = answer_callback(&bot, &q, toast).await {
                tracing::warn!(error = %e, "could not answer a button press");
            }
            app.metrics.record(crate::metrics::UpdateKind::callback, outcome, started);
        }
    };
    let fallback = Locale::negotiate(None, q.from.language_code.as_deref(), None);
    let caller = match app.caller(&q.from, chat_id).await {
        Ok(caller) => caller,
        Err(e) => {
            answer_now(Err(e.into()), fallback.into()).await;
            return None;
        }
    };
    if !q.message.as_ref().is_some_and(|m| m.chat().is_private()) {
        answer_now(Err(BotError::NoLongerActive), caller.reader()).await;
        return None;
    }
    let dialogue = match app.store.resume_dialogue(chat_id.0).await {
        Ok(Resumed::In(d)) => Some(d),
        Ok(Resumed::Idle) => None,
        Ok(Resumed::Lost(lost)) => {
            keyboards::clear(&bot, &q).await;
            let result = reask_lost(&bot, &app, &caller, lost).await.map(|()| None);
            answer_now(result, caller.reader()).await;
            return None;
        }
        Err(e) => {
            answer_now(Err(e.into()), caller.reader()).await;
            return None;
        }
    };
    let joining = match &dialogue {
        Some(Dialogue::Onboarding(o)) => Some(o.clone()),
        _ => None,
    };
    Some(Press(Arc::new(Pressing { bot, app, me, caller, q, joining, dialogue, update, started })))
}

/// While joining, every button is joining's (and 🔊): another feature's button asks to
/// finish joining first; anything else is no longer active.
async fn joining_button(p: Press, o: Onboarding) -> HandlerResult {
    let data = p.q.data.as_deref().unwrap_or_default();
    let handled = async {
        match onboarding::JoiningPress::decode(data) {
            Some(press) => onboarding::on_callback(&p.bot, &p.app, &p.caller, o, &p.q, press).await,
            // 🔊 reads a joining step aloud, in the language chosen for joining.
            None if speak::SpeakButton::decode(data).is_some() => {
                let caller = Caller { locale: o.locale, ..p.caller.clone() };
                speak::on_press(&p.bot, &p.app, &caller, &p.q).await
            }
            None if all_heads().contains(&codes::head(data)) => {
                Ok(Some(tr!(p.app.i18n, o.locale, "onboarding-finish-first")))
            }
            None => {
                keyboards::clear(&p.bot, &p.q).await;
                Ok(Some(tr!(p.app.i18n, o.locale, "button-expired")))
            }
        }
    };
    handle_press(&p, handled).await
}

/// Answers a press with its toast (a failure's words, in the member's language) and
/// records how it ended. Only a failure to answer is returned, for the error log.
async fn answer_press(p: &Press, result: ButtonResult) -> HandlerResult {
    let chat_id = p.caller.chat_id;
    let outcome = failure::outcome(&result);
    let toast = failure::toast(&p.app, &p.update, chat_id, p.caller.reader(), &result).await;
    let answered = answer_callback(&p.bot, &p.q, toast).await;
    p.app.metrics.record(crate::metrics::UpdateKind::callback, outcome, p.started);
    answered
}

async fn answer_callback(bot: &Bot, q: &CallbackQuery, toast: Option<String>) -> HandlerResult {
    let mut answer = bot.answer_callback_query(q.id.clone());
    if let Some(text) = toast {
        // Telegram shows at most 200 characters here.
        let short: String =
            if text.chars().count() > 200 { text.chars().take(199).chain(['…']).collect() } else { text };
        answer = answer.text(short);
    }
    answer.await?;
    Ok(())
}

/// A user blocked or unblocked the bot: they can or cannot be reached from now on.
async fn on_my_chat_member(app: App, update: ChatMemberUpdated) -> HandlerResult {
    if !update.chat.is_private() {
        return Ok(());
    }
    let blocked = update.new_chat_member.is_banned() || !update.new_chat_member.is_present();
    app.store.set_opted_out(update.from.id.0 as i64, blocked).await?;
    Ok(())
}

/// Publishes one member's command menu: their role's commands, in their language. Called
/// after joining, after a language change, and (with no role) after `/forget`.
pub(crate) async fn publish_member_commands(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    locale: Locale,
    role: Option<Role>,
) {
    commands::publish_member_commands(bot, app, caller, locale, role).await;
}

/// Used by `clusterbot run` and the e2e tests: the bot's own username, for deep links.
pub fn deep_link(me: &Me, code: &str) -> String {
    format!("https://t.me/{}?start={code}", me.username())
}

/// The updates the handler tree handles; Telegram is asked for nothing else.
pub const ALLOWED_UPDATES: [teloxide::types::AllowedUpdate; 3] = [
    teloxide::types::AllowedUpdate::Message,
    teloxide::types::AllowedUpdate::CallbackQuery,
    teloxide::types::AllowedUpdate::MyChatMember,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Each head belongs to one feature, so a code reaches exactly one branch.
    #[test]
    fn no_two_features_share_a_button_head() {
        let heads = all_heads();
        let mut sorted = heads.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), heads.len(), "{heads:?}");
    }
}
