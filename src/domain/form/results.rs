//! What a CDA reads after a launch: response rates, disaggregated by cooperative and by
//! gender as the cluster approach asks, and the distribution of answers to a select question.

use std::collections::BTreeMap;

use super::model::{Form, Item};
use crate::domain::Gender;

/// Invited, started and finished counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rate {
    pub invited: u64,
    pub started: u64,
    pub finished: u64,
}

impl Rate {
    fn add(&mut self, status: &str) {
        self.invited += 1;
        if status != "invited" {
            self.started += 1;
        }
        if status == "finished" {
            self.finished += 1;
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rates {
    pub total: Rate,
    /// By cooperative name; `None`: members of no cooperative.
    pub by_cooperative: BTreeMap<Option<String>, Rate>,
    /// By gender; `None`: not given.
    pub by_gender: BTreeMap<Option<&'static str>, Rate>,
}

/// Counts responses by status, cooperative and gender.
pub fn rates<'a>(rows: impl IntoIterator<Item = (&'a str, Option<Gender>, Option<&'a str>)>) -> Rates {
    let mut rates = Rates::default();
    for (status, gender, cooperative) in rows {
        rates.total.add(status);
        rates.by_cooperative.entry(cooperative.map(str::to_owned)).or_default().add(status);
        rates.by_gender.entry(gender.map(Gender::code)).or_default().add(status);
    }
    rates
}

/// How many answers chose each choice of a select question, in the form's order (a
/// select_multiple answer counts for each choice ticked). Choices nobody took are listed
/// with 0, so charts of the same question compare across launches.
pub fn distribution(form: &Form, item: &Item, answers: &[String]) -> Vec<(String, u64)> {
    let mut counts: Vec<(String, u64)> = form.choices(item).into_iter().map(|c| (c.name, 0)).collect();
    for answer in answers {
        for value in answer.split_whitespace() {
            if let Some(entry) = counts.iter_mut().find(|(name, _)| name == value) {
                entry.1 += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_count_started_and_finished_by_cooperative_and_gender() {
        let rows = [
            ("finished", Some(Gender::Woman), Some("Tifawin")),
            ("started", Some(Gender::Woman), Some("Tifawin")),
            ("invited", Some(Gender::Man), None),
            ("finished", None, Some("Amal")),
        ];
        let r = rates(rows);
        assert_eq!(r.total, Rate { invited: 4, started: 3, finished: 2 });
        assert_eq!(
            r.by_cooperative[&Some("Tifawin".to_owned())],
            Rate { invited: 2, started: 2, finished: 1 }
        );
        assert_eq!(r.by_cooperative[&None], Rate { invited: 1, started: 0, finished: 0 });
        assert_eq!(r.by_gender[&Some("woman")], Rate { invited: 2, started: 2, finished: 1 });
        assert_eq!(r.by_gender[&None].finished, 1);
    }
}
