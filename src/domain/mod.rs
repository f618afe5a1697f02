//! Plain types and rules of the field. Nothing here knows about Telegram or SQL,
//! so every rule is unit-testable on its own.

pub mod access;
pub mod action;
pub mod action_plan;
pub mod form;
pub mod invite;
pub mod locale;
pub mod meeting;
pub mod member;
pub mod onboarding;
pub mod schedule;
pub mod text;

pub use invite::{InviteCode, InviteSpec, parse_validity};
pub use locale::Locale;
pub use member::{Gender, Role};
pub use onboarding::{Onboarding, Step};
