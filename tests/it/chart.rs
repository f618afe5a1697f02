//! Charts draw every character of their labels in every locale: mixed Arabic + Latin
//! (an Arabic action title with an English status), Urdu, Russian, French accents; long
//! action titles give way to their status; every line fits the image.
//!
//! The charts are laid out with the shipped fonts exactly as they are rasterised, and each
//! positioned glyph is checked: glyph 0 is the font's "missing" box.

use clusterbot::chart::{self, Bar, Values};
use clusterbot::domain::Locale;
use resvg::usvg;

use crate::e2e::t;

/// Every text line of the chart: its characters (logical order) and the characters drawn
/// as the missing-glyph box, with its horizontal extent.
struct Line {
    text: String,
    missing: Vec<String>,
    left: f32,
    right: f32,
}

fn lines(tree: &usvg::Tree) -> Vec<Line> {
    fn walk(group: &usvg::Group, out: &mut Vec<Line>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => {
                    let text = t.chunks().iter().map(|c| c.text()).collect::<String>();
                    let missing = t
                        .layouted()
                        .iter()
                        .flat_map(|span| &span.positioned_glyphs)
                        .filter(|g| g.id.0 == 0)
                        .map(|g| g.text.clone())
                        .collect();
                    let bbox = t.abs_bounding_box();
                    out.push(Line { text, missing, left: bbox.left(), right: bbox.right() });
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

/// Lays the chart out in both directions and checks every line: no missing glyph, inside
/// the image. Returns the lines' texts (without bidi marks) of the right-to-left chart.
fn check(title: &str, bars: &[Bar], values: Values) -> Vec<String> {
    let mut texts = Vec::new();
    for rtl in [false, true] {
        let tree = chart::bar_chart_tree(title, bars, values, rtl).unwrap();
        texts.clear();
        for line in lines(&tree) {
            assert!(
                line.missing.is_empty(),
                "rtl={rtl}: {:?} drawn as boxes in {:?}",
                line.missing,
                line.text
            );
            assert!(
                line.left >= 0.0 && line.right <= chart::WIDTH as f32,
                "rtl={rtl}: {:?} spans {}..{} px, the image is {} px wide",
                line.text,
                line.left,
                line.right,
                chart::WIDTH
            );
            texts.push(line.text.chars().filter(|c| !matches!(c, '\u{202A}'..='\u{202E}')).collect());
        }
    }
    texts
}

#[test]
fn progress_chart_draws_arabic_titles_with_latin_statuses() {
    let bars = [
        Bar::with_note("صندوق", "Delayed", 50),
        // لا / لأ / لإ are ligatures: Noto Sans Arabic gives fewer glyphs than characters.
        Bar::with_note("تسويق الأعمال للإسلام", "On track", 10),
        Bar::with_note("صندوق (Delayed) 50 %", "Done", 100),
        Bar::with_note("Steel purchase", "متأخر", 75),
        Bar::with_note("قرضے، ڈیزائن اور ٹیکنالوجی کی تربیت۔ گاؤں میں دکانیں", "جاری ہے", 30),
        Bar::with_note("Закупка стали для мастерских", "В срок", 60),
        Bar::with_note("Réparation des métiers à tisser", "En retard", 0),
    ];
    let texts = check("خطة العمل — Action plan (2024)", &bars, Values::Percents);
    for note in ["(Delayed)", "(On track)", "(Done)", "(متأخر)", "(جاری ہے)", "(В срок)", "(En retard)"]
    {
        assert!(texts.iter().any(|t| t.ends_with(note)), "{note} is missing from {texts:#?}");
    }
    for value in ["50%", "10%", "100%", "75%", "0%"] {
        assert!(texts.iter().any(|t| t == value), "{value} is missing from {texts:#?}");
    }
}

/// The progress chart as each locale's users get it: the translated title and statuses,
/// after action titles in any script, laid out in the locale's direction.
#[test]
fn progress_chart_draws_every_locale_in_full() {
    let titles =
        ["تسويق الأعمال للإسلام", "Steel purchase", "قرضے اور ٹیکنالوجی", "Закупка стали", "Réparation"];
    let statuses =
        ["status-not-started", "status-on-track", "status-delayed", "status-blocked", "status-done"];
    for locale in Locale::ALL {
        let mut notes: Vec<String> = statuses.iter().map(|key| t(locale, key, &[])).collect();
        notes.push(t(locale, "progress-no-report", &[]));
        let bars: Vec<Bar> = titles
            .iter()
            .cycle()
            .zip(&notes)
            .enumerate()
            .map(|(i, (title, note))| Bar::with_note(*title, note.as_str(), 20 * i as u64))
            .collect();
        let tree = chart::bar_chart_tree(
            &t(locale, "progress-chart-title", &[]),
            &bars,
            Values::Percents,
            locale.is_rtl(),
        )
        .unwrap();
        for line in lines(&tree) {
            assert!(
                line.missing.is_empty(),
                "{locale:?}: {:?} drawn as boxes in {:?}",
                line.missing,
                line.text
            );
            assert!(
                line.left >= 0.0 && line.right <= chart::WIDTH as f32,
                "{locale:?}: {:?} overflows",
                line.text
            );
        }
    }
}

#[test]
fn long_action_titles_give_way_to_their_status() {
    let long = "Joint purchase of steel sheets and welding equipment for all the workshops of the cluster";
    let long_ar = "الشراء المشترك لألواح الصلب ومعدات اللحام لجميع ورش العمل في المجموعة الصناعية";
    let bars = [
        Bar::with_note(long, "Delayed", 40),
        Bar::with_note(long_ar, "Not started", 0),
        Bar::with_note(long_ar, "لم يبدأ", 0),
        Bar::with_note(long.repeat(3), "On track", 90),
    ];
    let texts = check(&long.repeat(2), &bars, Values::Percents);
    for note in ["(Delayed)", "(Not started)", "(لم يبدأ)", "(On track)"] {
        assert!(
            texts.iter().any(|t| t.ends_with(note) && t.contains('…')),
            "{note} is missing from {texts:#?}"
        );
    }
    // The title is cut too, and stays within the image (checked above).
    assert!(texts.iter().any(|t| t.starts_with("Joint purchase") && t.ends_with('…')), "{texts:#?}");
}

#[test]
fn results_chart_draws_mixed_choices_with_counts_and_shares() {
    let bars = [
        Bar::new("نعم (Yes)", 3),
        Bar::new("لا أعرف — I don't know", 1),
        Bar::new("Да, конечно", 2),
        Bar::new("ہاں، بالکل ٹھیک", 4),
    ];
    let texts = check("هل تثق في الشبكة؟ Trust (%)", &bars, Values::Counts);
    // Shares of the ten answers, read first from the right on the right-to-left chart.
    for value in ["(30%) 3", "(10%) 1", "(20%) 2", "(40%) 4"] {
        assert!(texts.iter().any(|t| t == value), "{value} is missing from {texts:#?}");
    }
}
