//! Questionnaires in XLSForm: the model, the import, the expression language and the rules
//! for walking through a form in a chat.

pub mod audience;
pub mod expr;
pub mod model;
pub mod results;
pub mod walk;
pub mod xlsform;

pub use audience::Audience;
pub use model::{Choice, Form, Item, Kind, Meta, Text};
