//! Compact, language-free `callback_data` codes (Telegram allows 64 bytes). Translated
//! text never goes into callback data: buttons carry codes, the label is Fluent's.
//!
//! Each feature owns its buttons: one type implementing [`ButtonCode`], with the heads
//! (the text before the first `:`) that its codes start with, next to the handler that
//! answers them. A code whose head no feature owns, or that does not decode — an old
//! layout, a forged one — is answered as no longer active. Numbers are kept only if the
//! keyboard offers them: decoding checks them against the same constants the keyboards
//! are built from.

use crate::domain::Locale;

/// Telegram's limit for `callback_data`.
pub const MAX_LEN: usize = 64;

/// A feature's buttons.
pub trait ButtonCode: Sized + Clone + Send + Sync + 'static {
    /// The heads this feature's codes start with; no two features share one.
    const HEADS: &'static [&'static str];

    /// The code, starting with one of [`HEADS`](Self::HEADS), at most [`MAX_LEN`] bytes.
    fn encode(&self) -> String;

    /// Reads the parts after the head; `None` for anything the keyboards never offered.
    fn decode_parts(head: &str, rest: &[&str]) -> Option<Self>;

    fn decode(data: &str) -> Option<Self> {
        if data.len() > MAX_LEN {
            return None;
        }
        let mut parts = data.split(':');
        let head = parts.next()?;
        if !Self::HEADS.contains(&head) {
            return None;
        }
        let rest: Vec<&str> = parts.collect();
        Self::decode_parts(head, &rest)
    }
}

/// The head of a code: the text before its first `:`.
pub fn head(data: &str) -> &str {
    data.split(':').next().unwrap_or_default()
}

/// A language button: used while joining and from the menu, so it belongs to neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageButton(pub Locale);

impl ButtonCode for LanguageButton {
    const HEADS: &'static [&'static str] = &["l"];

    fn encode(&self) -> String {
        format!("l:{}", self.0.code())
    }

    fn decode_parts(_: &str, rest: &[&str]) -> Option<Self> {
        match rest {
            [code] => code.parse().ok().map(Self),
            _ => None,
        }
    }
}

/// A number read from a button, kept only if the keyboard offers it: the same constants
/// build the keyboards, so a forged value (65535 days) is refused like any old layout.
pub fn offered<T: std::str::FromStr + PartialEq>(raw: &str, choices: &[T]) -> Option<T> {
    raw.parse().ok().filter(|v| choices.contains(v))
}

/// The same for a choice that may also be "none" (0).
pub fn offered_or_none(raw: &str, choices: &[u16]) -> Option<u16> {
    raw.parse().ok().filter(|v| *v == 0 || choices.contains(v))
}

/// An index into a list of `len` entries.
pub fn index_below(raw: &str, len: usize) -> Option<u8> {
    raw.parse().ok().filter(|i: &u8| usize::from(*i) < len)
}

/// An id, or `-` for none.
pub fn opt_id<T: From<i64>>(raw: &str) -> Option<Option<T>> {
    match raw {
        "-" => Some(None),
        id => id.parse::<i64>().ok().map(|id| Some(T::from(id))),
    }
}

/// Ids (always positive) in base 36 keep the longest codes well under 64 bytes.
pub fn b36(id: impl Into<i64>) -> String {
    let mut n = id.into().unsigned_abs();
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

pub fn from_b36<T: From<i64>>(s: &str) -> Option<T> {
    if s.is_empty() || s.starts_with('-') {
        return None;
    }
    i64::from_str_radix(s, 36).ok().map(T::from)
}

/// Test support: every value round-trips through its code, within Telegram's 64 bytes, and
/// each junk code decodes to nothing.
#[cfg(test)]
pub fn assert_codes<B: ButtonCode + PartialEq + std::fmt::Debug>(all: &[B], junk: &[&str]) {
    for b in all {
        let code = b.encode();
        assert!(code.len() <= MAX_LEN, "{code} is {} bytes", code.len());
        assert!(B::HEADS.contains(&head(&code)), "{code} starts with a head of its feature");
        assert_eq!(B::decode(&code).as_ref(), Some(b), "{code}");
    }
    for j in junk {
        assert_eq!(B::decode(j), None, "{j}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_buttons_round_trip() {
        assert_codes(&Locale::ALL.map(LanguageButton), &["l:de", "l:", "l:fr:x", &"l:fr".repeat(20)]);
    }
}
