//! The main menu: its buttons, and what is said when nothing else applies. Features show it;
//! what each entry opens is assembled with the commands (see `commands`), so the menu needs
//! no feature and no feature needs the menu's internals.

use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

use super::codes::ButtonCode;
use super::keyboards::button;
use super::{App, Caller, HandlerResult};
use crate::domain::Role;
use crate::i18n::{I18n, Reader};
use crate::tr;

/// The main menu's entries. The menu knows every feature; no feature needs its internals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    MyData,
    Language,
    Help,
    Invite,
    Questionnaires,
    Launch,
    Results,
    Report,
    Progress,
    Meetings,
    Export,
    AskCda,
}

impl MenuItem {
    pub const ALL: [Self; 12] = [
        Self::MyData,
        Self::Language,
        Self::Help,
        Self::Invite,
        Self::Questionnaires,
        Self::Launch,
        Self::Results,
        Self::Report,
        Self::Progress,
        Self::Meetings,
        Self::Export,
        Self::AskCda,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::MyData => "data",
            Self::Language => "lang",
            Self::Help => "help",
            Self::Invite => "inv",
            Self::Questionnaires => "forms",
            Self::Launch => "launch",
            Self::Results => "res",
            Self::Report => "rep",
            Self::Progress => "prog",
            Self::Meetings => "meet",
            Self::Export => "exp",
            Self::AskCda => "ask",
        }
    }
}

/// A button of the main menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MenuButton(pub MenuItem);

impl ButtonCode for MenuButton {
    const HEADS: &'static [&'static str] = &["m"];

    fn encode(&self) -> String {
        format!("m:{}", self.0.code())
    }

    fn decode_parts(_: &str, rest: &[&str]) -> Option<Self> {
        match rest {
            [code] => MenuItem::ALL.into_iter().find(|i| i.code() == *code).map(Self),
            _ => None,
        }
    }
}

pub async fn send_menu(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (i18n, l) = (&app.i18n, caller.reader());
    let mut rows = vec![
        vec![
            button(tr!(i18n, l, "btn-report"), MenuButton(MenuItem::Report)),
            button(tr!(i18n, l, "btn-forms"), MenuButton(MenuItem::Questionnaires)),
        ],
        vec![
            button(tr!(i18n, l, "btn-mydata"), MenuButton(MenuItem::MyData)),
            button(tr!(i18n, l, "btn-language"), MenuButton(MenuItem::Language)),
        ],
        vec![button(tr!(i18n, l, "btn-help"), MenuButton(MenuItem::Help))],
    ];
    if !caller.is_cda() {
        rows.insert(0, vec![button(tr!(i18n, l, "btn-ask-cda"), MenuButton(MenuItem::AskCda))]);
    }
    if caller.role().is_some_and(|r| r >= crate::domain::Role::Leader) {
        rows.push(vec![
            button(tr!(i18n, l, "btn-progress"), MenuButton(MenuItem::Progress)),
            button(tr!(i18n, l, "btn-meetings"), MenuButton(MenuItem::Meetings)),
        ]);
    }
    if caller.is_cda() {
        rows[2].push(button(tr!(i18n, l, "btn-invite"), MenuButton(MenuItem::Invite)));
        rows.push(vec![
            button(tr!(i18n, l, "btn-launch"), MenuButton(MenuItem::Launch)),
            button(tr!(i18n, l, "btn-results"), MenuButton(MenuItem::Results)),
            button(tr!(i18n, l, "btn-export"), MenuButton(MenuItem::Export)),
        ]);
    }
    bot.send_message(caller.chat_id, tr!(i18n, l, "menu-title"))
        .reply_markup(super::speak::with_speak(app, l, InlineKeyboardMarkup::new(rows)))
        .await?;
    Ok(())
}

/// A menu entry's label: a pictogram and a word or two.
pub fn label(i18n: &I18n, l: impl Into<crate::i18n::Reader>, item: MenuItem) -> String {
    let l: crate::i18n::Reader = l.into();
    match item {
        MenuItem::MyData => tr!(i18n, l, "btn-mydata"),
        MenuItem::Language => tr!(i18n, l, "btn-language"),
        MenuItem::Help => tr!(i18n, l, "btn-help"),
        MenuItem::Invite => tr!(i18n, l, "btn-invite"),
        MenuItem::Questionnaires => tr!(i18n, l, "btn-forms"),
        MenuItem::Launch => tr!(i18n, l, "btn-launch"),
        MenuItem::Results => tr!(i18n, l, "btn-results"),
        MenuItem::Report => tr!(i18n, l, "btn-report"),
        MenuItem::Progress => tr!(i18n, l, "btn-progress"),
        MenuItem::Meetings => tr!(i18n, l, "btn-meetings"),
        MenuItem::Export => tr!(i18n, l, "btn-export"),
        MenuItem::AskCda => tr!(i18n, l, "btn-ask-cda"),
    }
}

/// What the caller's role can do, as `/help` offers it: the member's own things first,
/// then a leader's, then a CDA's.
pub fn actions_for(caller: &Caller) -> Vec<MenuItem> {
    if caller.member.is_none() {
        return Vec::new();
    }
    let mut items = Vec::new();
    if !caller.is_cda() {
        items.push(MenuItem::AskCda);
    }
    items.extend([MenuItem::Report, MenuItem::Questionnaires]);
    if caller.role().is_some_and(|r| r >= Role::Leader) {
        items.extend([MenuItem::Progress, MenuItem::Meetings]);
    }
    if caller.is_cda() {
        items.extend([MenuItem::Invite, MenuItem::Launch, MenuItem::Results, MenuItem::Export]);
    }
    items.extend([MenuItem::MyData, MenuItem::Language]);
    items
}

/// Something said outside any dialogue that no feature takes: members get the menu, anyone
/// else how to join.
pub async fn not_understood(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    if caller.member.is_some() {
        bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "not-understood")).await?;
        send_menu(bot, app, caller).await
    } else {
        bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "start-no-code")).await?;
        Ok(())
    }
}

/// A role's name, in `locale`.
pub fn role_name(i18n: &I18n, locale: Reader, role: Role) -> String {
    match role {
        Role::Producer => tr!(i18n, locale, "role-producer"),
        Role::Leader => tr!(i18n, locale, "role-leader"),
        Role::Cda => tr!(i18n, locale, "role-cda"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_buttons_round_trip_and_refuse_junk() {
        crate::bot::codes::assert_codes(&MenuItem::ALL.map(MenuButton), &["m:", "m:x", "m:data:1"]);
    }
}
