//! Translations: complete in every locale, the same variables everywhere, every key used in
//! the code defined, every message formatting cleanly, Arabic and Urdu laid out right-to-left.

use std::collections::{BTreeMap, BTreeSet};

use clusterbot::domain::Gender;
use clusterbot::domain::Locale;
use clusterbot::i18n::{FluentArgs, FluentValue, GENDER_VARIABLE, I18n, Reader, SOURCES};
use fluent_syntax::ast;

/// Message id → names of the variables it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).expect("ftl parses");
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr_vars(expression, vars);
        }
    }
}

fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
        _ => {}
    }
}

fn english() -> BTreeMap<String, BTreeSet<String>> {
    messages(SOURCES[0].1)
}

#[test]
fn every_locale_has_every_key_with_the_same_variables() {
    let en = english();
    assert!(en.len() > 50, "English has {} messages", en.len());
    for (locale, source) in SOURCES {
        let other = messages(source);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(extra.is_empty(), "{locale} has keys English does not: {extra:?}");
        for (key, vars) in &en {
            // `$gender` (given to every message) may be used where a language marks the
            // reader's gender, even when English does not need it.
            let theirs: BTreeSet<_> = other[key].iter().filter(|v| *v != GENDER_VARIABLE).collect();
            let ours: BTreeSet<_> = vars.iter().filter(|v| *v != GENDER_VARIABLE).collect();
            assert_eq!(theirs, ours, "{locale}: '{key}' uses other variables than English");
        }
    }
}

/// The message ids passed to `tr!` anywhere in src/ (every user-facing string goes through it).
fn keys_used_in_code() -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = std::fs::read_to_string(&path).unwrap();
        let calls = code.match_indices("tr!(").filter(|(at, _)| {
            // `tr!`, not `include_str!`.
            !code[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
        });
        for (at, _) in calls {
            // The key is the first string literal of the call.
            if let Some(literal) = code[at..].split('"').nth(1) {
                used.insert(literal.to_owned());
            }
        }
    }
    used.remove("key"); // the macro's own documentation example
    used
}

#[test]
fn every_key_used_in_code_is_defined_and_every_defined_key_is_used() {
    let en = english();
    let used = keys_used_in_code();
    assert!(used.len() > 50, "found {} keys in src/", used.len());
    let undefined: Vec<_> = used.iter().filter(|k| !en.contains_key(*k)).collect();
    assert!(undefined.is_empty(), "used in src/ but not in locales/en/main.ftl: {undefined:?}");
    let unused: Vec<_> = en.keys().filter(|k| !used.contains(*k)).collect();
    assert!(unused.is_empty(), "defined but never used in src/: {unused:?}");
}

/// Variables that only choose a variant (a weekday code, a month number…) and never show.
const SELECTORS: [&str; 3] = ["weekday", "month", "part"];

fn sample_args(vars: &BTreeSet<String>, number: i64) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for v in vars {
        match v.as_str() {
            // Given by the reader, not by the caller of `tr!`.
            GENDER_VARIABLE => {}
            "uses" | "count" => args.set(v.clone(), FluentValue::from(number)),
            _ => args.set(v.clone(), FluentValue::from(format!("«{v}»"))),
        }
    }
    args
}

/// Every reader a message may be written for: each gender, and gender unknown.
fn readers(locale: Locale) -> [Reader; 4] {
    [
        Reader::new(locale, Some(Gender::Woman)),
        Reader::new(locale, Some(Gender::Man)),
        Reader::new(locale, Some(Gender::Undisclosed)),
        Reader::from(locale),
    ]
}

#[test]
fn every_message_formats_without_errors_or_isolation_marks_for_every_reader() {
    let i18n = I18n::load().unwrap();
    let en = english();
    for reader in Locale::ALL.into_iter().flat_map(readers) {
        let locale = reader.locale;
        for (key, vars) in &en {
            for n in [0, 1, 2, 3, 11, 100, 101] {
                let text = i18n
                    .try_format(reader, key, Some(&sample_args(vars, n)))
                    .unwrap_or_else(|e| panic!("{reader:?}: {e}"));
                assert!(!text.trim().is_empty(), "{locale} {key} is empty");
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{locale} {key} has bidi isolation marks");
                for v in vars {
                    if !matches!(v.as_str(), "uses" | "count" | GENDER_VARIABLE)
                        && !SELECTORS.contains(&v.as_str())
                    {
                        assert!(text.contains(&format!("«{v}»")), "{locale} {key} drops ${v}");
                    }
                }
                assert!(text.chars().count() <= 4096, "{locale} {key} is too long for one message");
            }
        }
    }
}

fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The first strong character of a line decides its direction (in Telegram as in the Unicode
/// bidi algorithm): an Arabic-script letter or a RIGHT-TO-LEFT MARK.
pub fn first_strong_is_rtl(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphabetic() || matches!(c, '\u{200E}' | '\u{200F}'))
        .is_some_and(|c| c == '\u{200F}' || is_arabic_script(c))
}

/// Every line of a message that shows something reads right-to-left.
pub fn every_line_is_rtl(text: &str) -> bool {
    text.lines().filter(|l| !l.trim().is_empty()).all(first_strong_is_rtl)
}

#[test]
fn every_line_of_arabic_and_urdu_messages_reads_right_to_left() {
    let i18n = I18n::load().unwrap();
    let mut multi_line = 0;
    for reader in [Locale::Ar, Locale::Ur].into_iter().flat_map(readers) {
        for (key, vars) in english() {
            // Variables hold Latin text here on purpose, and one starts with a digit: a Latin
            // name or a number at the start of any line must not flip that line.
            let mut args = FluentArgs::new();
            for (i, v) in vars.iter().filter(|v| v.as_str() != GENDER_VARIABLE).enumerate() {
                let value = if i % 2 == 0 { format!("Amina {v}") } else { format!("12 Souss {v}") };
                args.set(v.clone(), FluentValue::from(value));
            }
            let text = i18n.try_format(reader, &key, Some(&args)).unwrap();
            multi_line += usize::from(text.lines().count() > 1);
            assert!(
                every_line_is_rtl(&text),
                "{reader:?} {key} has a line that reads left-to-right: {text:?}"
            );
        }
    }
    assert!(multi_line > 20, "only {multi_line} multi-line messages were checked");
    // The marks are added at format time, so a line that is only a variable is covered too.
    let mut args = FluentArgs::new();
    for v in ["title", "when", "place"] {
        args.set(v, "Fig harvest 2026");
    }
    let invitation = i18n.try_format(Locale::Ar, "meeting-invitation", Some(&args)).unwrap();
    assert!(invitation.lines().count() >= 3 && every_line_is_rtl(&invitation), "{invitation:?}");
    // Code that joins lines itself goes through the same rule; other languages are untouched.
    assert!(every_line_is_rtl(&i18n.lines(Locale::Ur, "🎯 Steel\n50 %\nسٹیل")));
    assert_eq!(i18n.lines(Locale::Fr, "🎯 Steel\n50 %"), "🎯 Steel\n50 %");
}

#[test]
fn arrows_point_the_readers_way() {
    let i18n = I18n::load().unwrap();
    let first = |l: Locale, key: &str| i18n.try_format(l, key, None).unwrap().chars().next().unwrap();
    for l in Locale::ALL {
        let (back, next, start) =
            (first(l, "btn-back"), first(l, "btn-form-next"), first(l, "btn-form-start"));
        if l.is_rtl() {
            assert_eq!((back, next, start), ('➡', '⬅', '◀'), "{l}");
        } else {
            assert_eq!((back, next, start), ('⬅', '➡', '▶'), "{l}");
        }
    }
    assert_eq!(clusterbot::i18n::arrows(Locale::Ar, "➡️ x ↩️"), "⬅️ x ↪️");
    assert_eq!(clusterbot::i18n::arrows(Locale::Es, "➡️ x"), "➡️ x");
}

#[test]
fn translations_are_translated_not_copied() {
    let i18n = I18n::load().unwrap();
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let same: Vec<_> = english()
            .into_iter()
            .filter(|(key, vars)| {
                let args = sample_args(vars, 2);
                i18n.try_format(locale, key, Some(&args)).unwrap()
                    == i18n.try_format(Locale::En, key, Some(&args)).unwrap()
            })
            .map(|(key, _)| key)
            .collect();
        assert!(same.is_empty(), "{locale} copies English for {same:?}");
    }
}

#[test]
fn plural_forms_follow_each_languages_rules() {
    let i18n = I18n::load().unwrap();
    let text = |locale, n: i64| {
        let mut args = FluentArgs::new();
        for v in ["role", "cluster", "link", "expires"] {
            args.set(v, "x");
        }
        args.set("uses", n);
        i18n.try_format(locale, "invite-created", Some(&args)).unwrap()
    };
    // English: one / other.
    assert_ne!(text(Locale::En, 1), text(Locale::En, 2).replace('2', "1"));
    // Arabic has six categories: one, two, few (3–10), many (11–99), other (100…).
    let ar: BTreeSet<_> =
        [1, 2, 3, 11, 100].into_iter().map(|n| text(Locale::Ar, n).replace(char::is_numeric, "")).collect();
    assert!(ar.len() >= 4, "Arabic distinguishes its plural forms: {ar:#?}");
    // Russian: one (1, 21), few (2–4), many (5–20).
    assert_eq!(text(Locale::Ru, 21).replace("21", "N"), text(Locale::Ru, 1).replace('1', "N"));
    assert_ne!(text(Locale::Ru, 2).replace('2', "N"), text(Locale::Ru, 5).replace('5', "N"));
}

#[test]
fn language_buttons_name_each_language_in_itself() {
    let names: Vec<_> = Locale::ALL.iter().map(|l| l.native_name()).collect();
    assert_eq!(names, ["English", "Français", "العربية", "Español", "اردو", "Русский"]);
}

/// For people who read little the pictogram is the meaning: agreeing to the consent, closing a
/// joint action, finishing a report's notes and saying "coming" must not share one.
#[test]
fn consent_done_finish_and_coming_have_distinct_pictograms_in_every_locale() {
    use clusterbot::domain::action::ActionStatus;
    use clusterbot::domain::meeting::Rsvp;
    let i18n = I18n::load().unwrap();
    let first = |s: String| s.split_whitespace().next().unwrap_or_default().to_owned();
    for locale in Locale::ALL {
        let tr = |key: &str| first(i18n.try_format(locale, key, None).unwrap());
        let marks = [
            ("consent", tr("btn-agree")),
            ("done", ActionStatus::Done.emoji().to_owned()),
            ("done confirmation", tr("btn-done-yes")),
            ("finish", tr("btn-report-finish")),
            ("coming", Rsvp::Coming.emoji().to_owned()),
        ];
        assert_eq!(marks[1].1, marks[2].1, "{locale}: the confirmation shows the status it confirms");
        let distinct: BTreeSet<&str> =
            [&marks[0], &marks[1], &marks[3], &marks[4]].iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(distinct.len(), 4, "{locale}: {marks:?}");
    }
    assert_eq!(ActionStatus::ALL.last(), Some(&ActionStatus::Done), "Done is the last status button");
}

/// ✅ means one thing: "yes / I confirm". Messages saying something was saved, done or
/// changed carry their own pictograms (📥, 🏁, 🌐…).
#[test]
fn the_check_mark_only_says_yes() {
    const YES: [&str; 2] = ["btn-agree", "btn-form-ok"];
    let i18n = I18n::load().unwrap();
    for locale in Locale::ALL {
        for (key, vars) in english() {
            let text = i18n.try_format(locale, &key, Some(&sample_args(&vars, 2))).unwrap();
            assert_eq!(text.contains('✅'), YES.contains(&key.as_str()), "{locale} {key}: {text}");
        }
    }
    assert_ne!(clusterbot::domain::meeting::Rsvp::Coming.emoji(), "✅", "coming is not a confirmation");
}

/// The consent a newcomer reads first fits in about 200 characters in every language (the
/// full text is one "ℹ️ More" away), and still names what is kept and how to delete it.
#[test]
fn the_short_consent_fits_in_two_hundred_characters() {
    let i18n = I18n::load().unwrap();
    for locale in Locale::ALL {
        let mut args = FluentArgs::new();
        args.set("cluster", "Sialkot surgical instruments");
        let short = i18n.try_format(locale, "consent-short", Some(&args)).unwrap();
        let full = i18n.try_format(locale, "consent-ask", Some(&args)).unwrap();
        assert!(short.chars().count() <= 200, "{locale}: {} characters: {short}", short.chars().count());
        assert!(full.chars().count() > short.chars().count() + 50, "{locale}: the full text says more");
        assert!(short.contains("/mydata") && short.contains("/forget"), "{locale}: {short}");
        let more = i18n.try_format(locale, "btn-more", None).unwrap();
        assert!(more.trim_start_matches('\u{200F}').starts_with("ℹ️"), "{locale}: {more:?}");
    }
}

#[test]
fn the_wait_after_wrong_codes_is_counted_in_proper_russian() {
    let i18n = I18n::load().unwrap();
    let wait = |n: i64| {
        let mut args = FluentArgs::new();
        args.set("minutes", n);
        i18n.try_format(Locale::Ru, "start-too-many", Some(&args)).unwrap()
    };
    for (n, words) in [(1, "1 минуту"), (3, "3 минуты"), (5, "5 минут"), (21, "21 минуту"), (11, "11 минут")]
    {
        let text = wait(n);
        assert!(text.contains(&format!("Подождите {words} и")), "{n}: {text}");
    }
}

#[test]
fn counted_minutes_take_a_plural_selector_where_the_noun_changes() {
    // Languages whose noun after a number changes with it (Urdu's منٹ does not).
    for (locale, source) in SOURCES.iter().filter(|(l, _)| *l != Locale::Ur) {
        let resource = fluent_syntax::parser::parse(*source).unwrap();
        for entry in &resource.body {
            let ast::Entry::Message(m) = entry else { continue };
            let Some(value) = &m.value else { continue };
            let text = fluent_syntax::serializer::serialize(&ast::Resource {
                body: vec![ast::Entry::Message(ast::Message {
                    id: m.id.clone(),
                    value: Some(value.clone()),
                    attributes: vec![],
                    comment: None,
                })],
            });
            if text.contains("{ $minutes }") {
                assert!(text.contains("$minutes ->"), "{locale:?} {}: {text}", m.id.name);
            }
        }
    }
}

/// Term id → whether it is defined, per locale (`-cluster`, `-cda`…).
fn terms(source: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(source).expect("ftl parses");
    resource
        .body
        .into_iter()
        .filter_map(|e| match e {
            ast::Entry::Term(t) => Some(t.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The words a deployment may choose are terms in every language, so one override file
/// changes them everywhere they are said.
#[test]
fn every_locale_defines_the_words_a_deployment_may_choose() {
    let chosen = ["cluster", "cooperative", "cda", "joint-action", "commission"];
    for (locale, source) in SOURCES {
        let defined = terms(source);
        for term in chosen {
            assert!(defined.contains(term), "{locale} does not define -{term}");
        }
    }
}

/// English says cluster, cooperative, CDA, joint action and commission only through the
/// terms: a message that spells them out would keep its word when a deployment changes it.
#[test]
fn english_messages_name_the_chosen_words_only_through_terms() {
    let resource = fluent_syntax::parser::parse(SOURCES[0].1).expect("ftl parses");
    let words = ["cluster", "cooperative", "cda", "joint action", "commission"];
    for entry in resource.body {
        let ast::Entry::Message(m) = entry else { continue };
        let mut text = String::new();
        literal_text(m.value.as_ref().unwrap(), &mut text);
        let text = text.to_lowercase().replace("clusterbot", "");
        for word in words {
            assert!(!text.contains(word), "'{}' spells out \"{word}\": use the term", m.id.name);
        }
    }
}

fn literal_text(p: &ast::Pattern<&str>, out: &mut String) {
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression: ast::Expression::Select { variants, .. } } => {
                for v in variants {
                    literal_text(&v.value, out);
                }
            }
            ast::PatternElement::Placeable { .. } => {}
        }
    }
}

fn for_reader(
    i18n: &I18n,
    locale: Locale,
    gender: Option<Gender>,
    key: &str,
    args: &[(&str, &str)],
) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, *v);
    }
    i18n.try_format(Reader::new(locale, gender), key, Some(&a)).unwrap()
}

#[test]
fn members_are_addressed_in_their_own_gender_where_the_language_marks_it() {
    let i18n = I18n::load().unwrap();
    let (w, m, u) = (Some(Gender::Woman), Some(Gender::Man), Some(Gender::Undisclosed));
    let meeting = [("title", "x"), ("when", "x"), ("place", "x")];
    // Arabic: the verb addressed to the reader.
    let menu = |g| for_reader(&i18n, Locale::Ar, g, "menu-title", &[]);
    assert!(menu(w).contains("ماذا تريدين أن تفعلي"), "{}", menu(w));
    assert!(menu(m).contains("ماذا تريد أن تفعل"), "{}", menu(m));
    assert!(menu(u).contains("تريدون"), "prefer not to say gets the polite plural: {}", menu(u));
    assert_eq!(menu(None), menu(u), "unknown reads like prefer not to say");
    let invitation = |g| for_reader(&i18n, Locale::Ar, g, "meeting-invitation", &meeting);
    assert!(invitation(w).contains("هل ستحضرين؟"));
    assert!(invitation(m).contains("هل ستحضر؟"));
    // Urdu: the verb's ending.
    let invitation = |g| for_reader(&i18n, Locale::Ur, g, "meeting-invitation", &meeting);
    assert!(invitation(w).contains("آئیں گی"), "{}", invitation(w));
    assert!(invitation(m).contains("آئیں گے"), "{}", invitation(m));
    assert!(!invitation(u).contains("آئیں گ"), "neither form for prefer not to say: {}", invitation(u));
    let forget = |g| for_reader(&i18n, Locale::Ur, g, "forget-confirm", &[]);
    assert!(forget(w).contains("چاہتی ہیں"));
    assert!(forget(m).contains("چاہتے ہیں"));
    // Role nouns.
    for (locale, woman, man) in [
        (Locale::Fr, "productrice", "producteur"),
        (Locale::Es, "productora", "productor"),
        (Locale::Ru, "производительница", "производитель"),
        (Locale::Ar, "منتجة", "منتج"),
    ] {
        assert_eq!(for_reader(&i18n, locale, w, "role-producer", &[]), woman);
        assert_eq!(for_reader(&i18n, locale, m, "role-producer", &[]), man);
    }
}

/// The reviewers' fixes (issue 12 item 9): undoing one fails here.
#[test]
fn the_reviewed_words_stay_as_the_review_asked() {
    let i18n = I18n::load().unwrap();
    let tr =
        |locale, key: &str| i18n.try_format(locale, key, Some(&sample_args(&english()[key], 2))).unwrap();
    // French: a report is a "compte rendu"; statuses agree with l'action.
    assert_eq!(tr(Locale::Fr, "btn-report"), "📝 Compte rendu");
    assert_eq!(
        ["status-not-started", "status-blocked", "status-done"].map(|k| tr(Locale::Fr, k)),
        ["Pas commencée", "Bloquée", "Terminée"]
    );
    assert!(tr(Locale::Fr, "report-ask-status").to_lowercase().contains("où en est l’action ?"));
    assert!(tr(Locale::Fr, "name-ask").contains("Appuyez sur"));
    // Arabic: active verbs, one word for skip, الأنشطة المشتركة.
    assert!(tr(Locale::Ar, "form-finished").contains("حفظتُ إجاباتك"));
    for key in ["btn-form-skip", "action-ask-description", "action-ask-target"] {
        assert!(tr(Locale::Ar, key).contains("⏭ تخطَّ"), "{key}");
    }
    assert!(tr(Locale::Ar, "progress-title").contains("الأنشطة المشتركة"));
    // Spanish.
    assert!(tr(Locale::Es, "form-send-voice").contains("mantenga presionado"));
    assert_eq!(tr(Locale::Es, "btn-undisclosed"), "🤐 Prefiero no decirlo");
    assert_eq!([tr(Locale::Es, "rsvp-coming"), tr(Locale::Es, "rsvp-not-coming")], ["Voy", "No voy"]);
    assert!(tr(Locale::Es, "meeting-invitation").contains("¿Va a venir?"));
    // Russian: a joint action is a "совместный проект".
    assert!(tr(Locale::Ru, "report-choose-action").contains("совместный проект"));
    // Urdu: no "پیداکار".
    for (key, _) in english() {
        let text = tr(Locale::Ur, &key);
        assert!(!text.contains("پیداکار"), "ur {key}: {text}");
    }
    // No Spanish message says "añadir" (agregar everywhere).
    for (key, _) in english() {
        assert!(!tr(Locale::Es, &key).to_lowercase().contains("añad"), "es {key}");
    }
}

fn override_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn a_deployment_chooses_its_words_without_rebuilding() {
    let dir = override_dir(&[
        ("en/words.ftl", "-cooperative = { $number ->\n   *[one] association\n    [other] associations\n}\n"),
        ("es/words.ftl", "-cooperative = consorcio\n"),
        ("ru/words.ftl", "-cda = { $case ->\n   *[nom] куратор кластера\n    [gen] куратора кластера\n}\n"),
    ]);
    let i18n = I18n::load_with(Some(dir.path())).unwrap();
    assert_eq!(
        i18n.try_format(Locale::En, "coop-ask", None).unwrap(),
        "🏠 Which association are you part of?"
    );
    assert_eq!(i18n.try_format(Locale::Es, "invite-choose-coop", None).unwrap(), "🏠 ¿Qué consorcio?");
    let ru = i18n.try_format(Locale::Ru, "start-expired", None).unwrap();
    assert!(ru.contains("у своего куратора кластера"), "{ru}");
    // Other languages keep the shipped words.
    assert!(i18n.try_format(Locale::Fr, "coop-ask", None).unwrap().contains("coopérative"));
}

#[test]
fn a_broken_override_is_refused_with_its_path_and_line() {
    let dir =
        override_dir(&[("fr/words.ftl", "-cooperative = association\n-cda = { $case\n-cluster = grappe\n")]);
    let err = I18n::load_with(Some(dir.path())).unwrap_err().to_string();
    let path = dir.path().join("fr/words.ftl");
    assert!(err.contains(&format!("{}:2:", path.display())), "{err}");
    let dir = override_dir(&[("klingon/words.ftl", "-cda = x\n")]);
    let err = I18n::load_with(Some(dir.path())).unwrap_err().to_string();
    assert!(err.contains("klingon") && err.contains("not a shipped language"), "{err}");
    let err = I18n::load_with(Some(std::path::Path::new("/nonexistent/words"))).unwrap_err().to_string();
    assert!(err.contains("/nonexistent/words"), "{err}");
}
