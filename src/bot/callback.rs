//! Compact, language-free `callback_data` codes (Telegram allows 64 bytes). Translated
//! text never goes into callback data: buttons carry codes, the label is Fluent's.
//! Any code that does not decode — an old layout, a forged one — is answered as expired.

use std::fmt::Write;

use crate::domain::{Gender, Locale, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    MyData,
    Language,
    Help,
    Invite,
}

/// Where an invite being made in the chat stands; each button carries the choices so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InviteDraft {
    pub role: Role,
    pub cluster_id: Option<i64>,
    /// `Some(None)`: "no cooperative" was chosen.
    pub cooperative: Option<Option<i64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callback {
    Language(Locale),
    Consent(bool),
    /// "That is my name": take the name Telegram knows.
    SuggestedName,
    Gender(Gender),
    /// A cooperative, or none.
    Cooperative(Option<i64>),
    Back,
    Menu(MenuItem),
    Forget(bool),
    Invite(InviteDraft),
}

const MAX_LEN: usize = 64;

fn opt_id(raw: &str) -> Option<Option<i64>> {
    match raw {
        "-" => Some(None),
        id => id.parse().ok().map(Some),
    }
}

impl Callback {
    pub fn encode(&self) -> String {
        let code = match self {
            Self::Language(l) => format!("l:{}", l.code()),
            Self::Consent(yes) => format!("c:{}", if *yes { 'y' } else { 'n' }),
            Self::SuggestedName => "n".to_owned(),
            Self::Gender(g) => format!("g:{}", g.code()),
            Self::Cooperative(Some(id)) => format!("k:{id}"),
            Self::Cooperative(None) => "k:-".to_owned(),
            Self::Back => "b".to_owned(),
            Self::Menu(item) => format!(
                "m:{}",
                match item {
                    MenuItem::MyData => "data",
                    MenuItem::Language => "lang",
                    MenuItem::Help => "help",
                    MenuItem::Invite => "inv",
                }
            ),
            Self::Forget(yes) => format!("f:{}", if *yes { 'y' } else { 'n' }),
            Self::Invite(d) => {
                let mut s = format!("i:{}", d.role.code());
                if let Some(cluster) = d.cluster_id {
                    write!(s, ":{cluster}").expect("writing to a String");
                    if let Some(coop) = d.cooperative {
                        match coop {
                            Some(id) => write!(s, ":{id}").expect("writing to a String"),
                            None => s.push_str(":-"),
                        }
                    }
                }
                s
            }
        };
        debug_assert!(code.len() <= MAX_LEN);
        code
    }

    pub fn decode(data: &str) -> Option<Self> {
        if data.len() > MAX_LEN {
            return None;
        }
        let mut parts = data.split(':');
        let head = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        let cb = match (head, rest.as_slice()) {
            ("l", [code]) => Self::Language(code.parse().ok()?),
            ("c", ["y"]) => Self::Consent(true),
            ("c", ["n"]) => Self::Consent(false),
            ("n", []) => Self::SuggestedName,
            ("g", [code]) => Self::Gender(code.parse().ok()?),
            ("k", [id]) => Self::Cooperative(opt_id(id)?),
            ("b", []) => Self::Back,
            ("m", ["data"]) => Self::Menu(MenuItem::MyData),
            ("m", ["lang"]) => Self::Menu(MenuItem::Language),
            ("m", ["help"]) => Self::Menu(MenuItem::Help),
            ("m", ["inv"]) => Self::Menu(MenuItem::Invite),
            ("f", ["y"]) => Self::Forget(true),
            ("f", ["n"]) => Self::Forget(false),
            ("i", [role, more @ ..]) if more.len() <= 2 => Self::Invite(InviteDraft {
                role: role.parse().ok()?,
                cluster_id: more.first().map(|c| c.parse()).transpose().ok()?,
                cooperative: more.get(1).map(|c| opt_id(c)).map(|o| o.ok_or(())).transpose().ok()?,
            }),
            _ => return None,
        };
        Some(cb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_kinds() -> Vec<Callback> {
        let mut all = vec![
            Callback::Consent(true),
            Callback::Consent(false),
            Callback::SuggestedName,
            Callback::Cooperative(Some(i64::MAX)),
            Callback::Cooperative(None),
            Callback::Back,
            Callback::Forget(true),
            Callback::Forget(false),
        ];
        all.extend(Locale::ALL.map(Callback::Language));
        all.extend(Gender::ALL.map(Callback::Gender));
        all.extend([MenuItem::MyData, MenuItem::Language, MenuItem::Help, MenuItem::Invite].map(Callback::Menu));
        for role in Role::ALL {
            all.push(Callback::Invite(InviteDraft { role, cluster_id: None, cooperative: None }));
            all.push(Callback::Invite(InviteDraft { role, cluster_id: Some(i64::MAX), cooperative: None }));
            all.push(Callback::Invite(InviteDraft { role, cluster_id: Some(i64::MAX), cooperative: Some(None) }));
            all.push(Callback::Invite(InviteDraft {
                role,
                cluster_id: Some(i64::MAX),
                cooperative: Some(Some(i64::MAX)),
            }));
        }
        all
    }

    #[test]
    fn every_button_code_round_trips_and_fits_telegrams_64_bytes() {
        for cb in all_kinds() {
            let code = cb.encode();
            assert!(code.len() <= 64, "{code} is {} bytes", code.len());
            assert_eq!(Callback::decode(&code), Some(cb), "{code}");
        }
    }

    #[test]
    fn unknown_or_forged_codes_decode_to_nothing() {
        for junk in ["", "x", "l:de", "c:maybe", "k:abc", "i:admin", "i:cda:1:2:3", "m:", &"k:1".repeat(30)] {
            assert_eq!(Callback::decode(junk), None, "{junk}");
        }
    }
}
