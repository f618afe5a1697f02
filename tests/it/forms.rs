//! Importing real XLSForms: each is imported, or refused whole with a message naming sheet,
//! row, column and construct — as it deserves. Stored forms keep their versions apart.

use chrono::NaiveDate;
use clusterbot::domain::Locale;
use clusterbot::domain::form::walk::{self, Answers};
use clusterbot::domain::form::{Form, Kind};
use clusterbot::import::{self, ImportFailure};
use clusterbot::store::{Saved, Store};

use crate::both_backends;

fn file(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/forms/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn diagnostic() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/forms/cluster_diagnostic.xlsx")).unwrap()
}

fn refusal(name: &str) -> Vec<String> {
    match import::parse(&file(name), name) {
        Err(ImportFailure::Invalid(errors)) => errors.iter().map(ToString::to_string).collect(),
        other => panic!("{name} should be refused, got {other:?}"),
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

#[test]
fn a_minimal_kobo_form_imports_with_its_file_name_as_id() {
    let form = import::parse(&file("sample_xlsform.xlsx"), "sample_xlsform.xlsx").unwrap();
    assert_eq!(form.form_id, "sample_xlsform");
    let names: Vec<_> = form.questions().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["name", "age", "consent"]);
    assert_eq!(form.item("age").unwrap().kind, Kind::Integer);
    assert_eq!(form.item("thank_you").unwrap().kind, Kind::Note);
    assert!(form.version.starts_with('h'), "no version in settings: the content decides");
}

#[test]
fn cascading_selects_filter_choices_by_earlier_answers() {
    let form = import::parse(&file("cascading_select.xlsx"), "cascading_select.xlsx").unwrap();
    let county = form.item("selected_county").unwrap();
    let mut answers = Answers::new();
    answers.insert("selected_state".into(), "texas".into());
    let names: Vec<_> =
        walk::visible_choices(&form, county, &answers, today()).into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["brewster", "cameron"]);
    answers.insert("selected_county".into(), "king".into());
    let city = form.item("selected_city").unwrap();
    let cities: Vec<_> =
        walk::visible_choices(&form, city, &answers, today()).into_iter().map(|c| c.name).collect();
    assert_eq!(cities, ["seattle", "redmond"]);
}

#[test]
fn or_other_adds_an_other_choice_and_list_name_may_have_a_space() {
    let form = import::parse(&file("or_other.xlsx"), "or_other.xlsx").unwrap();
    let color = form.item("fav_color").unwrap();
    assert_eq!(color.kind, Kind::SelectOne { list: "colors".into(), or_other: true });
    let names: Vec<_> = form.choices(color).into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["red", "green", "blue", "mauve", "apricot", "other"]);
}

#[test]
fn a_form_with_time_barcode_and_video_questions_is_refused_precisely() {
    let errors = refusal("flat_xlsform_test.xlsx");
    assert_eq!(
        errors,
        [
            "survey sheet, row 32, column A (type): 'time': time and date-time questions are not supported (use date)",
            "survey sheet, row 33, column A (type): 'datetime': time and date-time questions are not supported (use date)",
            "survey sheet, row 35, column A (type): 'barcode': barcode scanning is not possible in Telegram",
            "survey sheet, row 38, column A (type): 'video': this media type is not supported (audio and image are)",
            "settings sheet, row 2, column B (form_id): 'Flat test' is not a valid form id (letters, digits, _ - .)",
        ]
    );
}

#[test]
fn video_and_file_questions_are_refused_row_by_row() {
    let errors = refusal("media_question_types.xlsx");
    let rows: Vec<_> = errors.iter().map(|e| e.split(':').next().unwrap().to_owned()).collect();
    assert_eq!(
        rows,
        [
            "survey sheet, row 4, column A (type)",
            "survey sheet, row 5, column A (type)",
            "survey sheet, row 9, column A (type)",
            "survey sheet, row 11, column A (type)"
        ]
    );
    assert!(errors[2].contains("background-audio"));
}

#[test]
fn placeholder_defaults_and_a_date_as_form_id_are_refused() {
    let errors = refusal("waste_collection.xlsx");
    assert!(errors[0].starts_with("survey sheet, row 12, column H (default): the default 'Fixme: I need this list' is not a choice of list 'wards'"));
    assert!(errors.iter().any(|e| e.starts_with("settings sheet, row 2, column A (form_id)")));
    // Its typographic quotes (’yourself’) are understood: no expression errors.
    assert!(!errors.iter().any(|e| e.contains("relevant")), "{errors:#?}");
}

#[test]
fn the_shipped_diagnostic_imports_in_all_six_languages() {
    let form: Form = import::parse(&diagnostic(), "cluster_diagnostic.xlsx").unwrap();
    assert_eq!((form.form_id.as_str(), form.version.as_str()), ("cluster_diagnostic", "2026120701"));
    assert_eq!(form.languages, ["ar", "en", "es", "fr", "ru", "ur"]);
    let questions = form.questions().count();
    assert!((8..=12).contains(&questions), "{questions} questions");
    for item in form.questions() {
        for locale in Locale::ALL {
            let label = item
                .label
                .0
                .get(locale.code())
                .unwrap_or_else(|| panic!("{} has no {locale} label", item.name));
            assert!(!label.trim().is_empty());
        }
    }
    assert!(form.questions().any(|q| !q.required), "something can be skipped");
    assert!(form.questions().any(|q| q.constraint.is_some()));
    // Its title is in every language, not English everywhere.
    let titles: Vec<_> = Locale::ALL.iter().map(|l| form.title(*l)).collect();
    assert_eq!(
        titles,
        [
            "Cluster diagnostic",
            "Diagnostic du cluster",
            "تشخيص العنقود",
            "Diagnóstico del clúster",
            "کلسٹر کا جائزہ",
            "Диагностика кластера"
        ]
    );
    // Hints add to the bot's own instruction (form-hint-*), they do not repeat it.
    let i18n = clusterbot::i18n::I18n::load().unwrap();
    for item in form.questions() {
        for locale in Locale::ALL {
            let Some(hint) = item.hint.0.get(locale.code()) else { continue };
            for key in ["form-hint-number", "form-hint-text", "form-hint-multiple", "form-hint-date"] {
                let instruction = i18n.try_format(locale, key, None).unwrap();
                // The instruction's first words after its pictogram, e.g. "Type a number".
                let words: String =
                    instruction.split_whitespace().skip(1).take(3).collect::<Vec<_>>().join(" ");
                let words = words.trim_end_matches([',', '.', '،']);
                assert!(
                    !hint.contains(words),
                    "{} {locale}: the hint repeats \"{words}\": {hint}",
                    item.name
                );
            }
        }
    }
}

fn broken(survey: &[&[&str]], choices: &[&[&str]]) -> Vec<String> {
    use clusterbot::domain::form::xlsform::{Sheet, import};
    let grid = |rows: &[&[&str]]| rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect();
    let sheets = vec![
        Sheet { name: "survey".into(), first_row: 1, first_col: 0, rows: grid(survey) },
        Sheet { name: "choices".into(), first_row: 1, first_col: 0, rows: grid(choices) },
    ];
    import(&sheets, "t").unwrap_err().iter().map(ToString::to_string).collect()
}

#[test]
fn every_problem_is_named_at_once() {
    let errors = broken(
        &[
            &["type", "name", "label", "relevant", "constraint"],
            &["begin repeat", "kids", "Children", "", ""],
            &["integer", "age", "Age", "", ". > "],
            &["text", "age", "Again", "", ""],
            &["select_one colours", "fav", "Favourite", "${nope} = 'x'", ""],
            &["text", "", "No name", "", ""],
            &["integer", "n", "", "", ""],
            &["end group", "", "", "", ""],
        ],
        &[&["list_name", "name", "label"]],
    );
    assert_eq!(
        errors,
        [
            "survey sheet, row 2, column A (type): 'begin repeat': repeats are not supported in a chat questionnaire",
            "survey sheet, row 3, column E (constraint): '. >' is not an expression clusterbot understands: unexpected end of expression (at character 4)",
            "survey sheet, row 4, column B (name): the name 'age' is already used on row 3",
            "survey sheet, row 5, column D (relevant): refers to ${nope}, which is not a question of this form",
            "survey sheet, row 5, column A (type): the choice list 'colours' is not in the choices sheet",
            "survey sheet, row 6, column B (name): this question has no name",
            "survey sheet, row 7, column C (label): the question 'n' has no label",
            "survey sheet, row 8, column A (type): 'end group' without a 'begin group' before it",
        ]
    );
}

both_backends!(reimporting_keeps_versions_apart, |store: Store| async move {
    let first = import::import(&store, &diagnostic(), "cluster_diagnostic.xlsx", None).await.unwrap();
    assert!(matches!(first.saved, Saved::New(_)));
    let again = import::import(&store, &diagnostic(), "cluster_diagnostic.xlsx", None).await.unwrap();
    assert_eq!(again.saved, Saved::Unchanged(first.form_pk), "the same file twice is one version");
    // A new version with one label changed is a new row; the old one stays as it was.
    let mut changed = first.form.clone();
    changed.version = "2026120101".into();
    changed.items[1].label.0.insert("en".into(), "Changed".into());
    let Saved::New(second) = store.save_form(&changed).await.unwrap() else { panic!() };
    assert_ne!(second, first.form_pk);
    assert_eq!(*store.form(first.form_pk).await.unwrap(), first.form);
    assert_eq!(store.latest_forms().await.unwrap()[0].form_pk, second);
    assert_eq!(store.forms().await.unwrap().len(), 2);
    // The same version with other content is refused.
    changed.items[1].label.0.insert("en".into(), "Changed again".into());
    assert!(store.save_form(&changed).await.is_err());
});

#[test]
fn small_number_ranges_get_a_keypad_and_large_ones_are_typed() {
    use clusterbot::domain::form::xlsform::{Sheet, import};
    let grid = |rows: &[&[&str]]| rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect();
    let survey = Sheet {
        name: "survey".into(),
        first_row: 1,
        first_col: 0,
        rows: grid(&[
            &["type", "name", "label", "constraint"],
            &["integer", "children", "How many children?", ". >= 0 and . <= 6"],
            &["integer", "workers", "How many workers?", ". >= 0 and . <= 500"],
            &["integer", "age", "Age?", ""],
        ]),
    };
    let form = import(&[survey], "t").unwrap();
    let answers = Answers::new();
    assert_eq!(walk::keypad(form.item("children").unwrap(), &answers, today()), Some((0..=6).collect()));
    assert_eq!(walk::keypad(form.item("workers").unwrap(), &answers, today()), None);
    assert_eq!(walk::keypad(form.item("age").unwrap(), &answers, today()), None);
}

#[test]
fn a_choice_list_too_long_for_one_keyboard_is_refused_unless_filtered() {
    use clusterbot::domain::form::xlsform::{Sheet, import};
    let mut choices: Vec<Vec<String>> =
        vec![vec!["list_name".into(), "name".into(), "label".into(), "region".into()]];
    for i in 0..91 {
        choices.push(vec!["communes".into(), format!("c{i}"), format!("Commune {i}"), "north".into()]);
    }
    let survey = |filter: &str| Sheet {
        name: "survey".into(),
        first_row: 1,
        first_col: 0,
        rows: vec![
            vec!["type".into(), "name".into(), "label".into(), "choice_filter".into()],
            vec!["select_one communes".into(), "commune".into(), "Commune?".into(), filter.into()],
        ],
    };
    let list = Sheet { name: "choices".into(), first_row: 1, first_col: 0, rows: choices };
    let errors = import(&[survey(""), list.clone()], "t").unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "survey sheet, row 2, column A (type): the choice list 'communes' has 91 choices; a chat can show 90 buttons at most: split the question, or narrow it with a choice_filter"
    );
    assert!(import(&[survey("region = 'north'"), list], "t").is_ok(), "a filtered list is shown filtered");
}

fn sheets(
    survey: &[&[&str]],
    choices: &[&[&str]],
    settings: &[&[&str]],
) -> Vec<clusterbot::domain::form::xlsform::Sheet> {
    use clusterbot::domain::form::xlsform::Sheet;
    let grid = |rows: &[&[&str]]| rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect();
    let mut out = vec![
        Sheet { name: "survey".into(), first_row: 1, first_col: 0, rows: grid(survey) },
        Sheet { name: "choices".into(), first_row: 1, first_col: 0, rows: grid(choices) },
    ];
    if !settings.is_empty() {
        out.push(Sheet { name: "settings".into(), first_row: 1, first_col: 0, rows: grid(settings) });
    }
    out
}

#[test]
fn notes_rows_are_skipped_and_duplicate_choices_need_allow_choice_duplicates() {
    use clusterbot::domain::form::xlsform::import;
    let survey: &[&[&str]] = &[
        &["type", "name", "label", "comments"],
        &["", "", "", "Ask this one first"],
        &["select_one yn", "sells", "Do you sell?", ""],
        &["", "", "", "Added by the district office"],
    ];
    let choices: &[&[&str]] = &[
        &["list_name", "name", "label", "notes"],
        &["yn", "yes", "Yes", ""],
        &["", "", "", "the list is reviewed yearly"],
        &["yn", "yes", "Yes, every week", ""],
    ];
    let refused: Vec<String> =
        import(&sheets(survey, choices, &[]), "t").unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(
        refused,
        ["choices sheet, row 4, column B (name): the choice 'yes' appears twice in list 'yn'"]
    );
    let allowed = sheets(survey, choices, &[&["form_id", "allow_choice_duplicates"], &["t", "yes"]]);
    let form = import(&allowed, "t").unwrap();
    assert_eq!(form.questions().count(), 1);
    assert_eq!(form.lists["yn"].len(), 2);
    // A row with a name but no type is still a mistake.
    let named: &[&[&str]] = &[&["type", "name", "label"], &["", "sells", "Do you sell?"]];
    let errors: Vec<String> = import(&sheets(named, &[&["list_name", "name", "label"]], &[]), "t")
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors, ["survey sheet, row 2, column A (type): this row has content but no type"]);
}

#[test]
fn markup_is_taken_out_of_texts_and_long_texts_are_cut_and_reported() {
    use clusterbot::domain::form::xlsform::{BUTTON_MAX, TEXT_MAX, TITLE_MAX, import_noting, plain};
    assert_eq!(
        plain("**Bold** and *italic* and __under__, 2 * 3 = 6"),
        "Bold and italic and under, 2 * 3 = 6"
    );
    assert_eq!(plain("# Section\n## Sub"), "Section\nSub");
    assert_eq!(
        plain("See [the guide](https://x.org/g) or [https://x.org](https://x.org)"),
        "See the guide (https://x.org/g) or https://x.org"
    );
    assert_eq!(plain("<span style=\"color:#ff0000\">Red</span> &amp; a < b"), "Red & a < b");
    let long = "word ".repeat(400);
    let title = "T".repeat(300);
    let survey: &[&[&str]] = &[
        &["type", "name", "label::English (en)", "hint::English (en)"],
        &["select_one yn", "q", "**Sell** <b>together</b>?", &long],
    ];
    let choice = "C".repeat(100);
    let choices: &[&[&str]] = &[&["list_name", "name", "label::English (en)"], &["yn", "yes", &choice]];
    let settings: &[&[&str]] = &[&["form_id", "form_title"], &["t", &title]];
    let (form, notes) = import_noting(&sheets(survey, choices, settings), "t").unwrap();
    assert_eq!(form.title(Locale::En).chars().count(), TITLE_MAX);
    assert!(form.title(Locale::En).ends_with('…'));
    let q = form.item("q").unwrap();
    assert_eq!(q.label.get(Locale::En, "en"), Some("Sell together?"));
    assert_eq!(q.hint.get(Locale::En, "en").unwrap().chars().count(), TEXT_MAX);
    assert_eq!(form.lists["yn"][0].label.get(Locale::En, "en").unwrap().chars().count(), BUTTON_MAX);
    assert_eq!(
        notes,
        [
            "the form title was cut to 100 characters".to_owned(),
            "survey row 2, the hint (en) was cut to 900 characters".to_owned(),
            "list 'yn', the label of choice 'yes' (en) was cut to 60 characters".to_owned(),
        ]
    );
}
