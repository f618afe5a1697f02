//! A questionnaire as clusterbot runs it: the XLSForm survey flattened into a list of
//! items, with its choice lists and every text in every language the form carries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::expr::Expr;
use crate::domain::Locale;

/// A text in several languages. Keys are our locale codes (`en`, `ar`…) when the form's
/// language maps to one, the form's own language code or lowercased name otherwise, and
/// `""` for a column without a language (`label`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    pub fn is_empty(&self) -> bool {
        self.0.values().all(|v| v.trim().is_empty())
    }

    /// The text for `locale`, else the form's default language, else the unnamed column,
    /// else any language the form has.
    pub fn get(&self, locale: Locale, default_language: &str) -> Option<&str> {
        [locale.code(), default_language, ""]
            .iter()
            .find_map(|k| self.0.get(*k).filter(|v| !v.trim().is_empty()))
            .or_else(|| self.0.values().find(|v| !v.trim().is_empty()))
            .map(String::as_str)
    }
}

/// Metadata the form records without asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Meta {
    /// When the member started.
    Start,
    /// When the member finished.
    End,
    /// The day the member started.
    Today,
    /// The device: for us, the member's Telegram account, as `telegram:<id>`.
    DeviceId,
    /// The member's display name.
    Username,
    /// Not available in Telegram without asking: recorded empty.
    Unavailable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    SelectOne { list: String, or_other: bool },
    SelectMultiple { list: String, or_other: bool },
    Integer,
    Decimal,
    Text,
    Audio,
    Image,
    Geopoint,
    Date,
    Note,
    Acknowledge,
    Calculate,
    Meta(Meta),
}

impl Kind {
    /// Whether the member is shown this item (questions, notes, acknowledgements).
    pub fn is_shown(&self) -> bool {
        !matches!(self, Self::Calculate | Self::Meta(_))
    }

    /// Whether the item takes an answer from the member.
    pub fn takes_answer(&self) -> bool {
        self.is_shown() && !matches!(self, Self::Note)
    }

    pub fn list(&self) -> Option<&str> {
        match self {
            Self::SelectOne { list, .. } | Self::SelectMultiple { list, .. } => Some(list),
            _ => None,
        }
    }
}

/// One row of the survey sheet that survives flattening (groups become headers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub name: String,
    pub kind: Kind,
    pub label: Text,
    pub hint: Text,
    pub required: bool,
    pub required_message: Text,
    /// The item's own `relevant` and those of every group around it: all must hold.
    pub relevant: Vec<Expr>,
    pub constraint: Option<Expr>,
    pub constraint_message: Text,
    pub choice_filter: Option<Expr>,
    pub calculation: Option<Expr>,
    /// `read_only: yes`: shown, never asked (with a `calculation`, its computed value).
    #[serde(default)]
    pub read_only: bool,
    pub default: Option<String>,
    /// Audio prompt file names, per language (`media::audio`).
    pub audio: Text,
    /// Label of the innermost labelled group around the item, shown as a header.
    pub group: Option<Text>,
    /// Row of the survey sheet (as Excel numbers it), for messages.
    pub row: usize,
}

impl Item {
    /// Whether the member is asked this item (a question that is not read-only).
    pub fn is_asked(&self) -> bool {
        self.kind.takes_answer() && !self.read_only
    }

    /// Whether the form computes this item's value: a `calculate`, or a read-only question
    /// with a `calculation` (shown with its value, never asked).
    pub fn is_computed(&self) -> bool {
        self.calculation.is_some() && (self.kind == Kind::Calculate || self.read_only)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub name: String,
    pub label: Text,
    /// Other columns of the choices sheet, for `choice_filter` (e.g. `state`).
    pub columns: BTreeMap<String, String>,
}

/// The choice added by `or_other`.
pub const OTHER: &str = "other";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub form_id: String,
    pub version: String,
    pub title: Text,
    /// Key (see [`Text`]) of the language used when the member's is missing.
    pub default_language: String,
    /// The languages the form carries, as keys.
    pub languages: Vec<String>,
    pub items: Vec<Item>,
    pub lists: BTreeMap<String, Vec<Choice>>,
}

impl Form {
    pub fn item(&self, name: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.name == name)
    }

    pub fn title(&self, locale: Locale) -> &str {
        self.title.get(locale, &self.default_language).unwrap_or(&self.form_id)
    }

    /// Choices of a select item (with "other" appended for `or_other`).
    pub fn choices(&self, item: &Item) -> Vec<Choice> {
        let mut choices = item.kind.list().and_then(|l| self.lists.get(l)).cloned().unwrap_or_default();
        let or_other = matches!(
            item.kind,
            Kind::SelectOne { or_other: true, .. } | Kind::SelectMultiple { or_other: true, .. }
        );
        if or_other && !choices.iter().any(|c| c.name == OTHER) {
            // Its label is ours, not the form's: the bot shows it from the translations.
            choices.push(Choice { name: OTHER.to_owned(), label: Text::default(), columns: BTreeMap::new() });
        }
        choices
    }

    /// Questions the member is asked (not read-only ones), in order.
    pub fn asked(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.is_asked())
    }

    /// Questions that take an answer, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.kind.takes_answer())
    }
}
