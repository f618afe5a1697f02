//! Horizontal bar charts rendered to PNG, for questionnaire results sent as Telegram photos.
//!
//! The chart is written as an SVG string and rasterised with `resvg`, whose text layer
//! (`usvg`) shapes text with HarfBuzz-style shaping and applies the Unicode bidi algorithm,
//! so Arabic and Urdu labels come out joined and right-to-left. Only the fonts shipped in
//! `assets/fonts/` (embedded with `include_bytes!`) are loaded: the output never depends on
//! the fonts installed on the host.
//!
//! Rendering is CPU-bound (tens of milliseconds): call it from async code through
//! `tokio::task::spawn_blocking`.

use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

/// One bar of the chart: a label, an optional note and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// What the bar stands for; cut with "…" when the line is too long.
    pub label: String,
    /// Written after the label in parentheses and never cut (e.g. an action's status);
    /// empty for none.
    pub note: String,
    pub value: u64,
}

impl Bar {
    /// A bar without a note.
    pub fn new(label: impl Into<String>, value: u64) -> Self {
        Bar { label: label.into(), note: String::new(), value }
    }

    /// A bar whose label reads "label (note)", the note always shown in full.
    pub fn with_note(label: impl Into<String>, note: impl Into<String>, value: u64) -> Self {
        Bar { label: label.into(), note: note.into(), value }
    }
}

/// What the bars' values are, which decides how they are written and scaled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// Counts of a whole (e.g. how many chose each answer): each bar reads
    /// "count (share of the total%)" and the longest bar is the largest count.
    Counts,
    /// Percentages on their own (e.g. how far each action is): each bar reads "50%"
    /// and a full bar is 100% (values above 100 are drawn full).
    Percents,
}

/// Why a chart could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// `bars` was empty: there is nothing to draw. Callers should tell the user in text
    /// (e.g. "no answers yet") instead of sending an image.
    #[error("no bars to draw")]
    NoBars,
    /// More bars than fit in one image Telegram accepts as a photo.
    #[error("too many bars: {count} (at most {max})")]
    TooManyBars { count: usize, max: usize },
    /// The generated SVG was rejected or could not be rasterised (a bug in this module).
    #[error("chart rendering failed: {0}")]
    Render(String),
    /// PNG encoding failed.
    #[error("PNG encoding failed: {0}")]
    Png(String),
}

/// Image width in pixels.
pub const WIDTH: u32 = 800;
/// Height of the title area in pixels.
pub const HEADER_HEIGHT: u32 = 80;
/// Height of one bar row in pixels.
pub const ROW_HEIGHT: u32 = 60;
/// Blank space below the last row in pixels.
pub const FOOTER_HEIGHT: u32 = 16;
/// Most bars one chart takes (keeps the image within Telegram's photo limits).
pub const MAX_BARS: usize = 100;

/// Image height for a chart of `bars` bars.
pub fn chart_height(bars: usize) -> u32 {
    // `bars` is at most MAX_BARS when it matters; saturate instead of overflowing otherwise.
    let rows = u32::try_from(bars).unwrap_or(u32::MAX);
    HEADER_HEIGHT.saturating_add(ROW_HEIGHT.saturating_mul(rows)).saturating_add(FOOTER_HEIGHT)
}

const MARGIN: f32 = 24.0;
const TITLE_SIZE: f32 = 28.0;
const LABEL_SIZE: f32 = 20.0;
const COUNT_SIZE: f32 = 20.0;
const BAR_THICKNESS: f32 = 34.0;
/// Widest the label column may get; longer labels are cut with "…".
const MAX_LABEL_WIDTH: f32 = 300.0;
/// Widest the label column may get when labels carry notes, which take room of their own.
const MAX_NOTED_LABEL_WIDTH: f32 = 400.0;
/// Narrowest a bar's track may get, so the count always has room after it.
const MIN_BAR_ROOM: f32 = 40.0;
/// Gap between the label column and the bars, and between a bar's end and its count.
const GAP: f32 = 14.0;
const ELLIPSIS: char = '…';
/// Longest text kept before measuring (the widest line holds about 70 characters).
const MAX_TEXT_CHARS: usize = 150;

const BAR_COLOR: &str = "#4c78a8";
const TRACK_COLOR: &str = "#eef1f5";
const TEXT_COLOR: &str = "#1f2933";
const COUNT_COLOR: &str = "#3e4c59";
const RULE_COLOR: &str = "#d5dbe1";

static NOTO_SANS: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoSans-Regular.ttf"));
static NOTO_SANS_ARABIC: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoSansArabic-Regular.ttf"));

const LATIN_FAMILY: &str = "Noto Sans";
const ARABIC_FAMILY: &str = "Noto Sans Arabic";

/// The font database: the shipped fonts and nothing else.
static FONTS: LazyLock<Arc<fontdb::Database>> = LazyLock::new(|| {
    let mut db = fontdb::Database::new();
    db.load_font_source(fontdb::Source::Binary(Arc::new(NOTO_SANS)));
    db.load_font_source(fontdb::Source::Binary(Arc::new(NOTO_SANS_ARABIC)));
    for set in [
        fontdb::Database::set_sans_serif_family,
        fontdb::Database::set_serif_family,
        fontdb::Database::set_monospace_family,
        fontdb::Database::set_cursive_family,
        fontdb::Database::set_fantasy_family,
    ] {
        set(&mut db, LATIN_FAMILY);
    }
    Arc::new(db)
});

fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: LATIN_FAMILY.to_owned(),
        fontdb: Arc::clone(&FONTS),
        ..usvg::Options::default()
    }
}

/// Renders a horizontal bar chart as PNG bytes: a title line, one bar per entry with its
/// label (and note) and its value written next to it. `rtl` lays the chart out
/// right-to-left (labels on the right, bars growing leftwards) for Arabic/Urdu.
///
/// The image is [`WIDTH`] px wide and [`chart_height`]`(bars.len())` px high. With
/// [`Values::Counts`], bar lengths are proportional to the largest value and percentages
/// are of the sum of all values (a zero total shows "0 (0%)" everywhere and no bars); with
/// [`Values::Percents`] a bar reads its own value ("50%") and is that share of a full bar.
/// Emoji, variation selectors and control characters are removed from the title, labels
/// and notes (no emoji font is shipped). Every line fits the image: a title that is too
/// long is cut with "…", and so is a label, before its note, which is kept whole.
///
/// An empty `bars` is an error ([`ChartError::NoBars`]), as are more than [`MAX_BARS`] bars.
pub fn bar_chart_png(title: &str, bars: &[Bar], values: Values, rtl: bool) -> Result<Vec<u8>, ChartError> {
    let tree = bar_chart_tree(title, bars, values, rtl)?;
    rasterise(&tree, WIDTH, chart_height(bars.len()))
}

/// The chart of [`bar_chart_png`] laid out but not rasterised: its text nodes tell which
/// glyphs of which font every character is drawn with.
pub fn bar_chart_tree(
    title: &str,
    bars: &[Bar],
    values: Values,
    rtl: bool,
) -> Result<usvg::Tree, ChartError> {
    let svg = bar_chart_svg(title, bars, values, rtl)?;
    usvg::Tree::from_str(&svg, &usvg_options()).map_err(|e| ChartError::Render(e.to_string()))
}

/// Builds the chart's SVG document (see [`bar_chart_png`]).
fn bar_chart_svg(title: &str, bars: &[Bar], values: Values, rtl: bool) -> Result<String, ChartError> {
    if bars.is_empty() {
        return Err(ChartError::NoBars);
    }
    if bars.len() > MAX_BARS {
        return Err(ChartError::TooManyBars { count: bars.len(), max: MAX_BARS });
    }
    let width = WIDTH as f32;
    let height = chart_height(bars.len());

    let total: u128 = bars.iter().map(|b| u128::from(b.value)).sum();
    // The value a full-length bar stands for.
    let full_scale = match values {
        Values::Counts => bars.iter().map(|b| b.value).max().unwrap_or(0),
        Values::Percents => 100,
    };
    let counts: Vec<String> = bars
        .iter()
        .map(|b| match values {
            Values::Counts => count_text(b.value, total, rtl),
            Values::Percents => percent_text(b.value),
        })
        .collect();
    // Noto Sans digits are tabular, so the longest count string is the widest.
    let count_width = counts.iter().max_by_key(|c| c.len()).map_or(0.0, |c| measure(c, COUNT_SIZE));

    let labels: Vec<(String, String)> = bars
        .iter()
        .map(|b| {
            let note = clean_text(&b.note);
            (clean_label(&b.label), note)
        })
        .collect();
    let full_labels: Vec<String> = labels.iter().map(|(label, note)| label_line(label, note, rtl)).collect();
    let label_widths: Vec<f32> = full_labels.iter().map(|l| measure(l, LABEL_SIZE)).collect();
    let widest_label = label_widths.iter().copied().fold(0.0, f32::max);
    let max_label =
        if labels.iter().any(|(_, note)| !note.is_empty()) { MAX_NOTED_LABEL_WIDTH } else { MAX_LABEL_WIDTH };
    // The label column gives way so that the bars and the widest count still fit.
    let label_room = width - 2.0 * MARGIN - 2.0 * GAP - MIN_BAR_ROOM - count_width;
    let label_column = widest_label.min(max_label).min(label_room).max(0.0);
    // Distance from the chart's start edge (left, or right when rtl) to the bars' axis.
    let axis = MARGIN + label_column + GAP;
    let bar_room = (width - MARGIN - axis - GAP - count_width).max(MIN_BAR_ROOM);
    // Mirrors an x coordinate measured from the start edge for right-to-left charts.
    let x = |from_start: f32| if rtl { width - from_start } else { from_start };
    // `text-anchor` is about the visual left/right end here (usvg's base direction is LTR).
    let start_anchor = if rtl { "end" } else { "start" };

    let mut svg = String::with_capacity(4096 + 1024 * bars.len());
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}">"#
    );
    let _ = write!(svg, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);

    let title = fit(&clean_label(title), TITLE_SIZE, width - 2.0 * MARGIN, bidi_wrap);
    push_text(&mut svg, x(MARGIN), 48.0, TITLE_SIZE, start_anchor, TEXT_COLOR, &title);
    let _ = write!(
        svg,
        r#"<rect x="{MARGIN}" y="{}" width="{}" height="1" fill="{RULE_COLOR}"/>"#,
        HEADER_HEIGHT as f32 - 14.0,
        width - 2.0 * MARGIN
    );

    for (i, (bar, ((label, note), count))) in bars.iter().zip(labels.iter().zip(&counts)).enumerate() {
        let row_top = HEADER_HEIGHT as f32 + ROW_HEIGHT as f32 * i as f32;
        let middle = row_top + ROW_HEIGHT as f32 / 2.0;
        let bar_top = middle - BAR_THICKNESS / 2.0;
        // Baseline that centres digits and lowercase letters on the bar.
        let baseline = middle + 0.36 * LABEL_SIZE;

        let line = if label_widths[i] <= label_column {
            full_labels[i].clone()
        } else {
            fit_label(label, note, LABEL_SIZE, label_column, rtl)
        };
        push_text(&mut svg, x(MARGIN), baseline, LABEL_SIZE, start_anchor, TEXT_COLOR, &line);

        let track_x = if rtl { width - axis - bar_room } else { axis };
        let _ = write!(
            svg,
            r#"<rect x="{track_x}" y="{bar_top}" width="{bar_room}" height="{BAR_THICKNESS}" fill="{TRACK_COLOR}"/>"#
        );
        let length = if bar.value == 0 {
            0.0
        } else {
            // `full_scale` > 0 here; tiny values keep a visible 2 px sliver.
            let share = (bar.value as f64 / full_scale as f64).min(1.0);
            (bar_room * share as f32).max(2.0)
        };
        if length > 0.0 {
            let bar_x = if rtl { width - axis - length } else { axis };
            let _ = write!(
                svg,
                r#"<rect x="{bar_x}" y="{bar_top}" width="{length}" height="{BAR_THICKNESS}" fill="{BAR_COLOR}"/>"#
            );
        }
        push_text(&mut svg, x(axis + length + GAP), baseline, COUNT_SIZE, start_anchor, COUNT_COLOR, count);
    }
    svg.push_str("</svg>");
    Ok(svg)
}

/// "12 (40%)"; for right-to-left charts "(40%) 12", i.e. the count read first from the
/// right. Written in visual order so no bidi reordering is involved.
fn count_text(value: u64, total: u128, rtl: bool) -> String {
    // Rounded to the nearest integer; a zero total gives 0%.
    let percent = (u128::from(value) * 100 + total / 2).checked_div(total).unwrap_or(0);
    if rtl { format!("({percent}%) {value}") } else { format!("{value} ({percent}%)") }
}

/// "12%", the value itself, for charts of percentages.
fn percent_text(value: u64) -> String {
    format!("{value}%")
}

/// Appends a `<text>` element for `text`, a line already in its bidi form (see
/// [`bidi_wrap`] and [`label_line`]).
///
/// Each font draws the characters it is made for: text without Arabic is all Noto Sans;
/// in text with Arabic, Noto Sans Arabic is the element's font and every run of other
/// characters (Latin, Cyrillic, digits, brackets, "%", "…") is a `<tspan>` in Noto Sans.
/// usvg shapes the whole line with each span's font and keeps each span's own glyphs, so
/// Arabic letters stay joined across the runs. (Listing both families on one element is
/// not enough: usvg then shapes with the first one and only falls back when the other
/// font gives as many glyphs, which Arabic ligatures such as لا break.) The Arabic face
/// must hold the line's first character, whose span usvg takes as the base; lines with
/// Arabic therefore start with an embedding mark, which any font "has".
fn push_text(svg: &mut String, x: f32, y: f32, size: f32, anchor: &str, fill: &str, text: &str) {
    let has_arabic = text.chars().any(is_arabic_script);
    let embedded;
    let text = if has_arabic && !text.starts_with(['\u{202A}', '\u{202B}']) {
        embedded = format!("\u{202A}{text}\u{202C}");
        &embedded
    } else {
        text
    };
    let base = if has_arabic { ARABIC_FAMILY } else { LATIN_FAMILY };
    let _ = write!(
        svg,
        r#"<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" fill="{fill}" font-family="'{base}'">"#
    );
    if has_arabic {
        let mut in_latin = false;
        for c in text.chars() {
            // Spaces and invisible marks stay in the run they are in.
            let latin =
                if is_arabic_script(c) || is_invisible(c) || c == ' ' { in_latin && c == ' ' } else { true };
            if latin != in_latin {
                if latin {
                    let _ = write!(svg, r#"<tspan font-family="'{LATIN_FAMILY}'">"#);
                } else {
                    svg.push_str("</tspan>");
                }
                in_latin = latin;
            }
            escape_xml_into(svg, c.encode_utf8(&mut [0; 4]));
        }
        if in_latin {
            svg.push_str("</tspan>");
        }
    } else {
        escape_xml_into(svg, text);
    }
    svg.push_str("</text>");
}

/// Marks that draw nothing: bidi embeddings and marks, joiners.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A single text in its bidi form: text whose first strong character is right-to-left is
/// embedded right-to-left (usvg always lays out with a left-to-right base direction), so
/// mixed labels such as "أسواق 2024" and the trailing "…" are ordered as an Arabic reader
/// expects.
fn bidi_wrap(text: &str) -> String {
    if first_strong_is_rtl(text) { format!("\u{202B}{text}\u{202C}") } else { text.to_owned() }
}

/// A bar's label line in its bidi form: just the label, or "label (note)" read in the
/// chart's direction, the label and the note each embedded in their own direction (an
/// Arabic title with an English status reads "صندوق (Delayed)" on an English chart, and a
/// Latin title with an Arabic status reads right-to-left on an Arabic one).
fn label_line(label: &str, note: &str, rtl: bool) -> String {
    if note.is_empty() {
        return bidi_wrap(label);
    }
    let own = |text: &str| {
        let open = if first_strong_is_rtl(text) { '\u{202B}' } else { '\u{202A}' };
        format!("{open}{text}\u{202C}")
    };
    let line = format!("{} ({})", own(label), own(note));
    if rtl { format!("\u{202B}{line}\u{202C}") } else { line }
}

/// The label line of `label` and `note` that fits `max_width` px at `size` px: the label
/// cut with "…" as far as needed; only if the note alone does not fit is it cut too.
fn fit_label(label: &str, note: &str, size: f32, max_width: f32, rtl: bool) -> String {
    let line = fit(label, size, max_width, |l| label_line(l, note, rtl));
    if measure(&line, size) <= max_width || note.is_empty() {
        return line;
    }
    let short = ELLIPSIS.to_string();
    fit(note, size, max_width, |n| label_line(&short, n, rtl))
}

fn first_strong_is_rtl(text: &str) -> bool {
    for c in text.chars() {
        if is_rtl_letter(c) {
            return true;
        }
        if c.is_alphabetic() || c == '\u{200E}' {
            return false;
        }
    }
    false
}

fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, … and RLM/ALM),
/// leaving out digits and combining marks, which are not strong.
fn is_rtl_letter(c: char) -> bool {
    let rtl_block = matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFE}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}'
        | '\u{200F}');
    rtl_block
        && !matches!(c, '\u{0600}'..='\u{0605}' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
        && !is_combining_mark(c)
}

/// Combining marks that must stay with the preceding letter (never cut before them).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Emoji and pictographs, which no shipped font covers.
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' // emoticons, pictographs, flags, transport, …
        | '\u{2600}'..='\u{27BF}'          // miscellaneous symbols, dingbats
        | '\u{2B00}'..='\u{2BFF}'          // stars, squares, arrows (⭐ ⬆ ⬛)
        | '\u{231A}' | '\u{231B}' | '\u{2328}' | '\u{23CF}' | '\u{23E9}'..='\u{23FA}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
        | '\u{E0020}'..='\u{E007F}') // tag characters (subdivision flags)
}

/// Invisible characters that only modify an emoji: variation selectors, the keycap mark.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{20E3}')
}

/// Makes a label safe and renderable (see [`clean_text`]); what cleans to nothing reads "—".
fn clean_label(raw: &str) -> String {
    let out = clean_text(raw);
    if out.is_empty() { "—".to_owned() } else { out }
}

/// Makes a text safe and renderable: drops emoji (with the joiners and variation
/// selectors around them), control characters and explicit bidi embeddings/isolates
/// (balanced ones are added back by [`bidi_wrap`] and [`label_line`]), collapses
/// whitespace and caps the length.
fn clean_text(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let dropped = |c: char| is_emoji(c) || is_emoji_modifier(c);
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for (i, &c) in chars.iter().enumerate() {
        if dropped(c) {
            continue;
        }
        if c == '\u{200D}' {
            // A zero-width joiner inside an emoji sequence goes with the emoji; between
            // letters (e.g. in Persian/Urdu text) it is kept.
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            if prev.is_some_and(dropped) || next.is_some_and(dropped) {
                continue;
            }
        }
        if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            continue;
        }
        if c.is_whitespace() || c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    // Nothing longer than this fits a line of the chart; capping keeps measuring cheap.
    if let Some((cut, _)) = out.char_indices().skip(MAX_TEXT_CHARS).find(|&(_, c)| !is_combining_mark(c)) {
        out.truncate(cut);
        out.push(ELLIPSIS);
    }
    out
}

/// The line `line(text)` (the text in its bidi form, see [`push_text`]) if it is at most
/// `max_width` px wide at `size` px; otherwise `line` of the longest start of `text`
/// ending with "…" that fits (just "…" if nothing else does).
fn fit(text: &str, size: f32, max_width: f32, line: impl Fn(&str) -> String) -> String {
    let full = line(text);
    let width = measure(&full, size);
    if width <= max_width {
        return full;
    }
    // Byte offsets where the text may be cut: before a character that is not a
    // combining mark (so diacritics stay with their letter).
    let cuts: Vec<usize> =
        text.char_indices().filter(|&(i, c)| i > 0 && !is_combining_mark(c)).map(|(i, _)| i).collect();
    let candidate = |n: usize| {
        // The first `n` cut points kept; n == 0 leaves only the ellipsis.
        let mut s = n.checked_sub(1).map_or("", |k| text[..cuts[k]].trim_end()).to_owned();
        s.push(ELLIPSIS);
        line(&s)
    };
    let fits = |n: usize| n == 0 || measure(&candidate(n), size) <= max_width;
    // Find the largest n in 0..=cuts.len() that fits. Widths grow about linearly with
    // the prefix, so probe the proportional estimate first: that usually settles it in
    // two measurements; otherwise a binary search finishes the job.
    let (mut lo, mut hi) = (0usize, cuts.len());
    let estimate = ((cuts.len() as f32 * max_width / width) as usize).min(hi);
    if fits(estimate) {
        lo = estimate;
        if estimate < hi && !fits(estimate + 1) {
            hi = estimate;
        }
    } else {
        hi = estimate.saturating_sub(1);
    }
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    candidate(lo)
}

/// Rendered width of the line `text` (in its bidi form) at `size` px, laid out exactly as
/// [`push_text`] does.
fn measure(text: &str, size: f32) -> f32 {
    let mut svg = String::from(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200" viewBox="0 0 4000 200">"#,
    );
    push_text(&mut svg, 10.0, 100.0, size, "start", "#000", text);
    svg.push_str("</svg>");
    match usvg::Tree::from_str(&svg, &usvg_options()) {
        Ok(tree) => tree.root().abs_bounding_box().width(),
        // Cannot happen for well-formed SVG; fall back to a generous estimate.
        Err(_) => text.chars().count() as f32 * size * 0.6,
    }
}

fn escape_xml_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

fn rasterise(tree: &usvg::Tree, width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| ChartError::Render(format!("cannot allocate a {width}x{height} image")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| ChartError::Png(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

    fn bars(items: &[(&str, u64)]) -> Vec<Bar> {
        items.iter().map(|&(label, value)| Bar::new(label, value)).collect()
    }

    fn decode(png: &[u8]) -> tiny_skia::Pixmap {
        tiny_skia::Pixmap::decode_png(png).expect("valid PNG")
    }

    fn assert_png(png: &[u8], n_bars: usize) -> tiny_skia::Pixmap {
        assert!(png.starts_with(PNG_SIGNATURE), "PNG signature");
        let pixmap = decode(png);
        assert_eq!(pixmap.width(), WIDTH);
        assert_eq!(pixmap.height(), chart_height(n_bars));
        assert_eq!(chart_height(n_bars), 80 + 60 * n_bars as u32 + 16);
        pixmap
    }

    /// Number of non-white pixels in the rectangle [x0, x1) × [y0, y1).
    fn ink(pixmap: &tiny_skia::Pixmap, x0: u32, x1: u32, y0: u32, y1: u32) -> usize {
        let mut n = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                let p = pixmap.pixel(x, y).expect("in bounds");
                if p.red() < 200 || p.green() < 200 || p.blue() < 200 {
                    n += 1;
                }
            }
        }
        n
    }

    fn sample_en() -> Vec<Bar> {
        bars(&[
            ("💰 Credit", 12),
            ("🌍 Markets and export opportunities for small producers", 9),
            ("Skills / Навыки", 6),
            ("Other", 3),
        ])
    }

    fn sample_ar() -> Vec<Bar> {
        bars(&[
            ("💰 ائتمان", 12),
            ("أسواق", 9),
            ("مهارات وتدريب للعاملين في الورش الصغيرة والمتوسطة", 6),
            ("أسواق 2024", 3),
        ])
    }

    #[test]
    fn renders_english_chart() {
        let png = bar_chart_png("Main obstacles (30 answers)", &sample_en(), Values::Counts, false).unwrap();
        assert_png(&png, 4);
    }

    #[test]
    fn renders_arabic_chart_rtl() {
        let png = bar_chart_png("أكبر العوائق", &sample_ar(), Values::Counts, true).unwrap();
        assert_png(&png, 4);
    }

    #[test]
    fn renders_urdu_chart_rtl() {
        let items = bars(&[("قرضے", 5), ("ڈیزائن", 4), ("ٹیکنالوجی", 3), ("دکانیں", 2), ("ہنر", 1)]);
        let png = bar_chart_png("سب سے بڑی رکاوٹیں", &items, Values::Counts, true).unwrap();
        assert_png(&png, 5);
    }

    #[test]
    fn renders_thirty_bars() {
        let items: Vec<Bar> = (0..30).map(|i| Bar::new(format!("Option {i}"), i)).collect();
        let png = bar_chart_png("Thirty", &items, Values::Counts, false).unwrap();
        assert_png(&png, 30);
    }

    #[test]
    fn escapes_xml_special_characters() {
        let items = bars(&[("<script>&", 1), ("\"quoted\" 'single' > &amp;", 2)]);
        let svg = bar_chart_svg("<b>Title & co</b>", &items, Values::Counts, false).unwrap();
        assert!(!svg.contains("<script>"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;&amp;"));
        assert!(svg.contains("&quot;quoted&quot; &apos;single&apos; &gt; &amp;amp;"));
        let png = bar_chart_png("<b>Title & co</b>", &items, Values::Counts, false).unwrap();
        assert_png(&png, 2);
    }

    #[test]
    fn zero_total_does_not_divide_by_zero() {
        let items = bars(&[("A", 0), ("B", 0)]);
        let svg = bar_chart_svg("Nothing yet", &items, Values::Counts, false).unwrap();
        assert_eq!(svg.matches(">0 (0%)<").count(), 2);
        let png = bar_chart_png("Nothing yet", &items, Values::Counts, false).unwrap();
        assert_png(&png, 2);
        let png = bar_chart_png("لا شيء", &items, Values::Counts, true).unwrap();
        assert_png(&png, 2);
    }

    #[test]
    fn empty_and_oversized_inputs_are_errors() {
        assert!(matches!(bar_chart_png("t", &[], Values::Counts, false), Err(ChartError::NoBars)));
        let many = vec![Bar::new("x", 1); MAX_BARS + 1];
        assert!(matches!(
            bar_chart_png("t", &many, Values::Counts, false),
            Err(ChartError::TooManyBars { count, max: MAX_BARS }) if count == MAX_BARS + 1
        ));
    }

    #[test]
    fn counts_and_percentages() {
        assert_eq!(count_text(12, 30, false), "12 (40%)");
        assert_eq!(count_text(12, 30, true), "(40%) 12");
        assert_eq!(count_text(1, 3, false), "1 (33%)");
        assert_eq!(count_text(2, 3, false), "2 (67%)");
        assert_eq!(count_text(0, 0, false), "0 (0%)");
        assert_eq!(count_text(u64::MAX, u128::from(u64::MAX) * 2, false).len(), 26);
    }

    #[test]
    fn percent_values_read_as_themselves() {
        assert_eq!(percent_text(50), "50%");
        let items = vec![Bar::with_note("Steel", "Delayed", 50), Bar::with_note("Training", "Done", 100)];
        let svg = bar_chart_svg("Plan", &items, Values::Percents, false).unwrap();
        assert!(svg.contains(">50%<") && svg.contains(">100%<"), "{svg}");
        assert!(!svg.contains("(33%)") && !svg.contains("(67%)"), "{svg}");
    }

    #[test]
    fn notes_follow_labels_in_the_chart_direction() {
        assert_eq!(label_line("Steel", "", false), "Steel");
        assert_eq!(label_line("Steel", "Delayed", false), "\u{202A}Steel\u{202C} (\u{202A}Delayed\u{202C})");
        assert_eq!(
            label_line("صندوق", "متأخر", true),
            "\u{202B}\u{202B}صندوق\u{202C} (\u{202B}متأخر\u{202C})\u{202C}"
        );
        // The label gives way to the note.
        let long = "Purchase of steel sheets for the workshops of the cooperative";
        let line = fit_label(long, "Delayed", LABEL_SIZE, 250.0, false);
        assert!(line.ends_with("…\u{202C} (\u{202A}Delayed\u{202C})"), "{line}");
        assert!(measure(&line, LABEL_SIZE) <= 250.0);
        // A note too long on its own is cut last.
        let line = fit_label(long, long, LABEL_SIZE, 150.0, false);
        assert!(line.starts_with("\u{202A}…\u{202C} (") && measure(&line, LABEL_SIZE) <= 150.0, "{line}");
    }

    #[test]
    fn strips_emoji_and_controls() {
        assert_eq!(clean_label("💰 Credit"), "Credit");
        assert_eq!(clean_label("❤️ Love"), "Love");
        assert_eq!(clean_label("👨‍👩‍👧 Family ⭐"), "Family");
        assert_eq!(clean_label("🇵🇰 پاکستان"), "پاکستان");
        assert_eq!(clean_label("a\n\tb\u{0}c"), "a b c");
        assert_eq!(clean_label("\u{202E}evil"), "evil");
        // ZWNJ/ZWJ between letters are kept (Persian/Urdu spelling).
        assert_eq!(clean_label("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(clean_label("🎉"), "—");
        assert_eq!(clean_text("🎉"), "");
        let long = clean_label(&"ab".repeat(1000));
        assert_eq!(long.chars().count(), MAX_TEXT_CHARS + 1);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn long_labels_are_truncated_with_ellipsis() {
        let long = "Markets and export opportunities for small producers".repeat(3);
        let cut = fit(&long, LABEL_SIZE, 200.0, bidi_wrap);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(cut.len() < long.len());
        assert!(measure(&cut, LABEL_SIZE) <= 200.0);
        let ar = "مهارات وتدريب للعاملين في الورش الصغيرة والمتوسطة";
        let cut = fit(ar, LABEL_SIZE, 150.0, bidi_wrap);
        assert!(cut.ends_with("…\u{202C}") && measure(&cut, LABEL_SIZE) <= 150.0, "{cut}");
        assert_eq!(fit("short", LABEL_SIZE, 200.0, bidi_wrap), "short");
    }

    /// The shipped fonts really produce glyphs: the label area carries ink, and different
    /// Arabic labels give different images.
    #[test]
    fn arabic_label_is_drawn_with_shipped_fonts() {
        let a = bar_chart_png("", &bars(&[("ائتمان", 1)]), Values::Counts, true).unwrap();
        let b = bar_chart_png("", &bars(&[("أسواق", 1)]), Values::Counts, true).unwrap();
        assert_ne!(a, b);
        let pixmap = decode(&a);
        // First row: y from 80 to 140; the RTL label sits at the right margin.
        let label_ink = ink(&pixmap, WIDTH - 24 - 120, WIDTH - 20, 85, 135);
        assert!(label_ink > 100, "label region has {label_ink} dark pixels");
        // The Arabic face has the glyphs (no fallback to .notdef boxes needed).
        assert!(FONTS.faces().any(|f| f.families.iter().any(|(n, _)| n == ARABIC_FAMILY)));
        assert_eq!(FONTS.len(), 2);
    }

    /// Writes sample charts to the temp dir for looking at them:
    /// `cargo test --lib chart::tests::write_samples -- --ignored`.
    #[test]
    #[ignore = "writes files for manual inspection"]
    fn write_samples() {
        let dir = std::env::temp_dir();
        let ar =
            bar_chart_png("أكبر العوائق أمام الورش (30 إجابة)", &sample_ar(), Values::Counts, true).unwrap();
        std::fs::write(dir.join("chart_ar.png"), ar).unwrap();
        let en =
            bar_chart_png("💡 Main obstacles (30 answers)", &sample_en(), Values::Counts, false).unwrap();
        std::fs::write(dir.join("chart_en.png"), en).unwrap();
        let items =
            bars(&[("قرضے", 5), ("ڈیزائن", 4), ("ٹیکنالوجی", 3), ("دکانیں", 2), ("ہنر اور تربیت", 0)]);
        let ur = bar_chart_png("سب سے بڑی رکاوٹیں", &items, Values::Counts, true).unwrap();
        std::fs::write(dir.join("chart_ur.png"), ur).unwrap();
        let plan = vec![
            Bar::with_note("تسويق الأعمال للإسلام", "Delayed", 50),
            Bar::with_note(
                "Joint purchase of steel sheets and welding equipment for the cluster",
                "On track",
                75,
            ),
            Bar::with_note("Закупка стали", "Done", 100),
            Bar::with_note("Training", "متأخر", 0),
        ];
        let en = bar_chart_png("Action plan — خطة العمل", &plan, Values::Percents, false).unwrap();
        std::fs::write(dir.join("chart_plan_en.png"), en).unwrap();
        let plan_ar = vec![
            Bar::with_note("تسويق الأعمال للإسلام", "متأخر", 50),
            Bar::with_note("الشراء المشترك لألواح الصلب ومعدات اللحام لجميع ورش العمل", "في الموعد", 75),
            Bar::with_note("Steel purchase", "منجز", 100),
            Bar::with_note("قرضے، ڈیزائن اور ٹیکنالوجی", "جاری ہے", 30),
        ];
        let ar = bar_chart_png("خطة العمل", &plan_ar, Values::Percents, true).unwrap();
        std::fs::write(dir.join("chart_plan_ar.png"), ar).unwrap();
    }
}
