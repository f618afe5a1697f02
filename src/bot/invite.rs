//! `/invite` for CDAs: create an invite link from the phone, with buttons only.
//! The role is checked on every step, server-side: a forwarded or replayed button from
//! someone who is not a CDA of that cluster does nothing but say so.

use crate::domain::ids::ClusterId;
use chrono::Duration;
use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::{InlineKeyboardMarkup, Me};
use teloxide::utils::command::BotCommands;

use super::codes::{self, ButtonCode};
use super::keyboards::{self, button};
use super::{App, BotError, Caller, HandlerResult, deep_link, menu};
use crate::domain::access::Act;
use crate::domain::ids::CooperativeId;
use crate::domain::{InviteSpec, Role};
use crate::tr;
use std::fmt::Write;

/// Where an invite being made in the chat stands; each button carries the choices so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InviteDraft {
    pub role: Role,
    pub cluster_id: Option<ClusterId>,
    /// `Some(None)`: "no cooperative" was chosen.
    pub cooperative: Option<Option<CooperativeId>>,
}

impl ButtonCode for InviteDraft {
    const HEADS: &'static [&'static str] = &["i"];

    fn encode(&self) -> String {
        let mut s = format!("i:{}", self.role.code());
        if let Some(cluster) = self.cluster_id {
            write!(s, ":{cluster}").expect("writing to a String");
            if let Some(coop) = self.cooperative {
                match coop {
                    Some(id) => write!(s, ":{id}").expect("writing to a String"),
                    None => s.push_str(":-"),
                }
            }
        }
        s
    }

    fn decode_parts(_: &str, rest: &[&str]) -> Option<Self> {
        match rest {
            [role, more @ ..] if more.len() <= 2 => Some(Self {
                role: role.parse().ok()?,
                cluster_id: more.first().map(|c| c.parse()).transpose().ok()?,
                cooperative: more.get(1).map(|c| codes::opt_id(c)).map(|o| o.ok_or(())).transpose().ok()?,
            }),
            _ => None,
        }
    }
}

/// Producers share a link in their cooperative's group: one link, many uses.
/// Leaders and CDAs get a personal, single-use link.
pub fn uses_for(role: Role) -> i64 {
    match role {
        Role::Producer => 50,
        Role::Leader | Role::Cda => 1,
    }
}

pub const VALIDITY_DAYS: i64 = 7;

pub async fn start(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (i18n, l) = (&app.i18n, caller.reader());
    if !caller.is_cda() {
        return Err(BotError::NotAllowed);
    }
    let draft = |role| InviteDraft { role, cluster_id: None, cooperative: None };
    let keyboard = InlineKeyboardMarkup::new([
        vec![
            button(tr!(i18n, l, "btn-role-producer"), draft(Role::Producer)),
            button(tr!(i18n, l, "btn-role-leader"), draft(Role::Leader)),
        ],
        vec![button(tr!(i18n, l, "btn-role-cda"), draft(Role::Cda))],
    ]);
    bot.send_message(caller.chat_id, tr!(i18n, l, "invite-choose-role")).reply_markup(keyboard).await?;
    Ok(())
}

pub async fn on_draft(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    me: &Me,
    mut draft: InviteDraft,
) -> Result<Option<String>, BotError> {
    let (i18n, l) = (&app.i18n, caller.reader());
    let served: Vec<_> =
        caller.memberships.iter().filter(|m| caller.can(Act::Coordinate, m.cluster_id)).collect();
    if served.is_empty() {
        return Err(BotError::NotAllowed);
    }
    let cluster_id = match (draft.cluster_id, served.as_slice()) {
        (Some(id), _) => id,
        (None, [only]) => only.cluster_id,
        (None, several) => {
            keyboards::clear(bot, q).await;
            let buttons = several.iter().map(|m| {
                let next = InviteDraft { cluster_id: Some(m.cluster_id), ..draft };
                button(format!("🌍 {}", m.cluster_name), next)
            });
            bot.send_message(caller.chat_id, tr!(i18n, l, "invite-choose-cluster"))
                .reply_markup(keyboards::column(buttons))
                .await?;
            return Ok(None);
        }
    };
    caller.require(Act::Coordinate, cluster_id)?;
    draft.cluster_id = Some(cluster_id);

    let coops = app.store.cooperatives(cluster_id).await?;
    let cooperative = match draft.cooperative {
        Some(choice) => choice,
        None if draft.role.belongs_to_cooperative() && !coops.is_empty() => {
            keyboards::clear(bot, q).await;
            let mut buttons: Vec<_> = coops
                .iter()
                .map(|c| {
                    let next = InviteDraft { cooperative: Some(Some(c.cooperative_id)), ..draft };
                    button(format!("🏠 {}", c.name), next)
                })
                .collect();
            if !draft.role.cooperative_required() {
                let next = InviteDraft { cooperative: Some(None), ..draft };
                buttons.push(button(tr!(i18n, l, "btn-no-coop"), next));
            }
            bot.send_message(caller.chat_id, tr!(i18n, l, "invite-choose-coop"))
                .reply_markup(keyboards::column(buttons))
                .await?;
            return Ok(None);
        }
        None => None,
    };
    let coop_ok = match cooperative {
        Some(id) => draft.role.belongs_to_cooperative() && coops.iter().any(|c| c.cooperative_id == id),
        None => !draft.role.cooperative_required() || coops.is_empty(),
    };
    if !coop_ok {
        return Err(BotError::NoLongerActive);
    }

    keyboards::clear(bot, q).await;
    let spec = InviteSpec {
        cluster_id,
        role: draft.role,
        cooperative_id: cooperative,
        max_uses: uses_for(draft.role),
        expires_at: crate::store::now() + Duration::days(VALIDITY_DAYS),
        created_by: caller.member.as_ref().map(|m| m.member_id),
    };
    let invite = app.store.add_invite(&spec).await?;
    let cluster = app.store.cluster(cluster_id).await?;
    let tz = cluster.tz();
    let text = tr!(
        i18n,
        l,
        "invite-created",
        role = menu::role_name(i18n, l, draft.role),
        cluster = cluster.name,
        link = deep_link(me, &invite.code),
        uses = invite.max_uses,
        expires = i18n.when(l, invite.expires_at, tz)
    );
    bot.send_message(caller.chat_id, text).await?;
    Ok(None)
}

/// Making invites.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum InviteCommand {
    Invite,
}

impl InviteCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        let mut menu = Vec::new();
        if role.is_some_and(crate::domain::Role::is_cda) {
            menu.push(BotCommand::new("invite", tr!(i18n, l, "cmd-invite")));
        }
        menu
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: InviteCommand) -> HandlerResult {
    match cmd {
        InviteCommand::Invite => start(bot, app, caller).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invite_buttons_round_trip_and_refuse_junk() {
        let mut all = Vec::new();
        for role in Role::ALL {
            all.push(InviteDraft { role, cluster_id: None, cooperative: None });
            all.push(InviteDraft { role, cluster_id: Some(ClusterId(i64::MAX)), cooperative: None });
            all.push(InviteDraft { role, cluster_id: Some(ClusterId(i64::MAX)), cooperative: Some(None) });
            all.push(InviteDraft {
                role,
                cluster_id: Some(ClusterId(i64::MAX)),
                cooperative: Some(Some(CooperativeId(i64::MAX))),
            });
        }
        codes::assert_codes(&all, &["i:admin", "i:cda:1:2:3", "i:", "i:cda:x"]);
    }
}
