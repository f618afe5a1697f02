//! clusterbot: a Telegram bot for industrial cluster networks. Data flows one way:
//! Telegram update → `bot` handler → `domain` rule → `store`.

pub mod bot;
pub mod chart;
pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod import;
pub mod jobs;
pub mod metrics;
pub mod runtime;
pub mod sandbox;
pub mod speech;
pub mod store;
pub mod web;
pub mod xlsx;
