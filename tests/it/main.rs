//! All integration tests, in one binary: store tests on SQLite and PostgreSQL, translation
//! checks, handler tests (teloxide_tests), the command line, and end-to-end runs of the
//! real `clusterbot run` process against a Bot API double.

mod action_plan;
mod actions;
mod botapi;
mod chart;
mod chats;
mod cli;
mod e2e;
mod exports;
mod fieldnotes;
mod forms;
mod handlers;
mod i18n;
mod journey;
mod meetings;
mod ops;
mod outbox;
mod progress;
mod questionnaire;
mod reminders;
mod sandbox;
mod store;
mod support;
mod text;
mod transcribe;
mod voice;
