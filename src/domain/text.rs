//! Text people type, cleaned before it is stored: whatever a user sends, what is kept can
//! be shown, compared, exported and written to any database (PostgreSQL refuses NUL).
//!
//! - control characters go (NUL, bell, escape sequences, C1 controls); free text keeps its
//!   line breaks and tabs, names and titles stay on one line;
//! - bidi overrides, embeddings and isolates go (U+202A–U+202E, U+2066–U+2069): they can
//!   turn the text after them around, in the bot and in every export;
//! - whitespace and invisible characters (zero-width space, word joiner, BOM, direction
//!   marks, joiners) are trimmed at the ends; joiners inside words stay, Urdu and emoji
//!   sequences need them.

/// Longest display name kept, in characters.
pub const NAME_MAX_CHARS: usize = 64;

/// Multi-line free text (notes, typed answers, explanations): controls and bidi controls
/// dropped, line breaks and tabs kept, the ends trimmed. Empty when nothing readable is left.
pub fn clean_text(raw: &str) -> String {
    let mut kept = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\u{2028}' | '\u{2029}' => kept.push('\n'),
            '\n' | '\t' => kept.push(c),
            // A terminal escape sequence (colours, cursor moves) goes whole: ESC [ params final.
            '\u{1b}' if chars.peek() == Some(&'[') => {
                chars.next();
                while chars.next_if(|p| ('\u{20}'..='\u{3f}').contains(p)).is_some() {}
                chars.next_if(|p| ('\u{40}'..='\u{7e}').contains(p));
            }
            c if c.is_control() || is_bidi_control(c) => {}
            c => kept.push(c),
        }
    }
    trim_ends(&kept).to_owned()
}

/// One line (titles, places, targets): as [`clean_text`], with every run of whitespace,
/// line breaks included, made one space.
pub fn clean_line(raw: &str) -> String {
    let kept: String =
        raw.chars().map(|c| if c.is_control() && c.is_whitespace() { ' ' } else { c }).collect();
    let text = clean_text(&kept);
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    trim_ends(&line).to_owned()
}

/// A person's name: one clean line of at most [`NAME_MAX_CHARS`] characters, cut on a
/// character boundary.
pub fn clean_name(raw: &str) -> String {
    let line = clean_line(raw);
    if line.chars().count() <= NAME_MAX_CHARS {
        return line;
    }
    let cut: String = line.chars().take(NAME_MAX_CHARS).collect();
    trim_ends(&cut).to_owned()
}

/// Characters that change the direction of the text after them until a pop: overrides,
/// embeddings and isolates.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing on their own: meaningful between letters, garbage at the
/// ends of a text.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' // zero-width space, ZWNJ, ZWJ, LRM, RLM
            | '\u{061C}' // Arabic letter mark
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{FEFF}' // BOM / zero-width no-break space
            | '\u{180E}' // Mongolian vowel separator
    )
}

fn trim_ends(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn controls_and_escape_sequences_are_dropped() {
        assert_eq!(clean_name("Ami\0na\u{7} \u{1b}[1;31mBenali\u{1b}[0m\u{85}"), "Amina Benali");
        assert_eq!(clean_text("a\0b\u{1b}c\u{1b}[2J"), "abc");
    }

    #[test]
    fn a_right_to_left_override_is_removed() {
        assert_eq!(clean_name("\u{202E}anima\u{202C}"), "anima");
        assert_eq!(clean_text("x\u{2066}y\u{2069}z\u{202B}"), "xyz");
    }

    #[test]
    fn zero_width_characters_and_bom_are_trimmed_at_the_ends() {
        assert_eq!(clean_name("\u{FEFF}\u{200B} Amina\u{2060}\u{200D} "), "Amina");
        assert_eq!(clean_name("\u{200F}فاطمة\u{200E}"), "فاطمة");
    }

    #[test]
    fn urdu_keeps_its_zero_width_non_joiner() {
        // "نرگس‌بانو": a ZWNJ inside the word changes how the letters join.
        let urdu = "نرگس\u{200C}بانو";
        assert_eq!(clean_name(urdu), urdu);
        assert_eq!(clean_text(urdu), urdu);
    }

    #[test]
    fn an_emoji_family_keeps_its_joiners() {
        let family = "👩\u{200D}👩\u{200D}👧 Cooperative";
        assert_eq!(clean_line(family), family);
        assert_eq!(clean_name("🧕🏽 Amina"), "🧕🏽 Amina");
    }

    #[test]
    fn free_text_keeps_its_lines_names_do_not() {
        assert_eq!(clean_text(" first line\r\n\tsecond\u{1b} \n"), "first line\n\tsecond");
        assert_eq!(clean_name("Amina\n\tBenali"), "Amina Benali");
        assert_eq!(clean_line("Stand at\r\nthe fair"), "Stand at the fair");
    }

    #[test]
    fn names_are_cut_at_64_characters() {
        let long = "é".repeat(70);
        assert_eq!(clean_name(&long), "é".repeat(NAME_MAX_CHARS));
        assert_eq!(clean_name(&format!("{} b", "a".repeat(63))), "a".repeat(63));
    }

    #[test]
    fn garbage_only_cleans_to_nothing() {
        assert_eq!(clean_name("\0\u{7}\u{202E}\u{200B}\u{FEFF} \n"), "");
        assert_eq!(clean_text("\u{1b}\u{2066}\u{200D}"), "");
    }

    fn is_forbidden(c: char, multi_line: bool) -> bool {
        (c.is_control() && !(multi_line && matches!(c, '\n' | '\t'))) || is_bidi_control(c)
    }

    proptest! {
        #[test]
        fn cleaned_text_holds_no_control_or_bidi_character_and_cleans_to_itself(
            raw in "(\\PC|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{2060}\\u{2066}-\\u{2069}\\u{feff} \\n\\r\\t])*"
        ) {
            let text = clean_text(&raw);
            prop_assert!(!text.chars().any(|c| is_forbidden(c, true)), "{text:?}");
            prop_assert_eq!(clean_text(&text), text.clone());
            let name = clean_name(&raw);
            prop_assert!(!name.chars().any(|c| is_forbidden(c, false)), "{name:?}");
            prop_assert!(name.chars().count() <= NAME_MAX_CHARS);
            prop_assert_eq!(clean_name(&name), name.clone());
            let line = clean_line(&raw);
            prop_assert!(!line.contains('\n'));
            prop_assert_eq!(clean_line(&line), line.clone());
        }
    }
}
