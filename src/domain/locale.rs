//! The languages clusterbot speaks, and how a member's language is chosen.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A shipped locale. Every one has a complete `locales/<code>/main.ftl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Fr,
    Ar,
    Es,
    Ur,
    Ru,
}

impl Locale {
    pub const ALL: [Locale; 6] = [Locale::En, Locale::Fr, Locale::Ar, Locale::Es, Locale::Ur, Locale::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::Ar => "ar",
            Self::Es => "es",
            Self::Ur => "ur",
            Self::Ru => "ru",
        }
    }

    /// The language's name written in the language itself, as shown on the language buttons.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
            Self::Ar => "العربية",
            Self::Es => "Español",
            Self::Ur => "اردو",
            Self::Ru => "Русский",
        }
    }

    /// A pictogram that tells the language buttons apart without reading: the flag that
    /// language pickers commonly show for it.
    pub fn badge(self) -> &'static str {
        match self {
            Self::En => "🇬🇧",
            Self::Fr => "🇫🇷",
            Self::Ar => "🇸🇦",
            Self::Es => "🇪🇸",
            Self::Ur => "🇵🇰",
            Self::Ru => "🇷🇺",
        }
    }

    /// The label of the language's button: its badge and its own name ("🇫🇷 Français").
    pub fn button_label(self) -> String {
        format!("{} {}", self.badge(), self.native_name())
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Self::Ar | Self::Ur)
    }

    /// Maps a Telegram `language_code` (an IETF tag such as `fr-CA` or `ar`) to a shipped locale.
    pub fn from_language_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?;
        primary.to_ascii_lowercase().parse().ok()
    }

    /// Language negotiation: the member's stored choice, else Telegram's `language_code`,
    /// else the cluster's locale, else English.
    pub fn negotiate(
        stored: Option<Locale>,
        telegram_language_code: Option<&str>,
        cluster: Option<Locale>,
    ) -> Locale {
        stored
            .or_else(|| telegram_language_code.and_then(Self::from_language_tag))
            .or(cluster)
            .unwrap_or(Self::En)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language '{0}': use one of en, fr, ar, es, ur, ru")]
pub struct UnknownLocale(pub String);

impl FromStr for Locale {
    type Err = UnknownLocale;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|l| l.code() == s).ok_or_else(|| UnknownLocale(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_choice_wins_over_everything_else() {
        let got = Locale::negotiate(Some(Locale::Ur), Some("fr"), Some(Locale::Ar));
        assert_eq!(got, Locale::Ur);
    }

    #[test]
    fn telegram_language_code_with_region_maps_to_its_language() {
        assert_eq!(Locale::negotiate(None, Some("fr-CA"), None), Locale::Fr);
        assert_eq!(Locale::negotiate(None, Some("RU"), None), Locale::Ru);
    }

    #[test]
    fn an_unshipped_telegram_language_falls_back_to_the_cluster_then_english() {
        assert_eq!(Locale::negotiate(None, Some("pt-BR"), Some(Locale::Es)), Locale::Es);
        assert_eq!(Locale::negotiate(None, Some("pt-BR"), None), Locale::En);
        assert_eq!(Locale::negotiate(None, None, None), Locale::En);
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for l in Locale::ALL {
            assert_eq!(l.code().parse::<Locale>().unwrap(), l);
        }
        assert!("de".parse::<Locale>().is_err());
    }

    #[test]
    fn arabic_and_urdu_are_right_to_left() {
        let rtl: Vec<_> = Locale::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, vec![Locale::Ar, Locale::Ur]);
    }
}
