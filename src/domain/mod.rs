//! Plain types and rules of the field. Nothing here knows about Telegram or SQL,
//! so every rule is unit-testable on its own.

pub mod access;
pub mod action;
pub mod action_plan;
pub mod form;
pub mod ids;
pub mod invite;
pub mod locale;
pub mod meeting;
pub mod member;
pub mod onboarding;
pub mod readable;
pub mod schedule;
pub mod text;

/// Serde for a draft's `Option<Option<T>>` ("not asked yet" / "answered: none" / "answered"),
/// which plain serde flattens: `Some(None)` and `None` would both become `null`, and a
/// skipped step would be asked again after the draft is saved and loaded. Here a missing
/// field is "not asked yet" and `null` is "answered: none". Use with
/// `#[serde(default, skip_serializing_if = "Option::is_none", with = "crate::domain::double_option")]`.
pub mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            // Skipped by `skip_serializing_if`; kept total for other serializers.
            None => s.serialize_unit(),
            Some(None) => s.serialize_none(),
            Some(Some(v)) => s.serialize_some(v),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

pub use invite::{InviteCode, InviteSpec, parse_validity};
pub use locale::Locale;
pub use member::{Gender, Role};
pub use onboarding::{Onboarding, Step};
