//! Command line and environment → one [`Config`] value.

use std::fmt;

use clap::{Args, Parser, Subcommand};
use url::Url;

use crate::domain::ids::{ClusterId, CooperativeId};
use crate::domain::{Locale, Role};
use crate::store::Backend;

/// clusterbot: field data for industrial cluster networks, collected in Telegram.
#[derive(Debug, Parser)]
#[command(name = "clusterbot", version, about, long_about = None)]
pub struct Cli {
    /// Database: `sqlite://FILE` (created on first run) or `postgres://USER@HOST/DB`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://clusterbot.db", global = true)]
    pub database_url: String,

    /// Folder for downloaded voice notes and photos (created when needed).
    #[arg(long, env = "DATA_DIR", default_value = "clusterbot-data", global = true)]
    pub data_dir: std::path::PathBuf,

    #[command(subcommand)]
    pub command: Command,

    /// `--database-url` was given on the command line (not by DATABASE_URL or the default):
    /// only then does `sandbox` use it.
    #[arg(skip)]
    pub database_url_given: bool,
    /// `--data-dir` was given on the command line.
    #[arg(skip)]
    pub data_dir_given: bool,
}

impl Cli {
    /// Parses the command line, noting which settings came from it rather than from the
    /// environment: the sandbox never picks up production's DATABASE_URL.
    pub fn parse_args() -> Self {
        use clap::{CommandFactory, FromArgMatches};
        let matches = Self::command().get_matches();
        let mut cli = Self::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        let given = |id: &str| matches.value_source(id) == Some(clap::parser::ValueSource::CommandLine);
        cli.database_url_given = given("database_url");
        cli.data_dir_given = given("data_dir");
        cli
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the bot (long polling). Needs TELOXIDE_TOKEN.
    Run,
    /// Run the bot behind a reverse proxy: Telegram posts every update to PUBLIC_URL, which
    /// the proxy forwards to LISTEN. Needs TELOXIDE_TOKEN. Several processes may run on one
    /// PostgreSQL database.
    Webhook(WebhookArgs),
    /// Apply database migrations and exit (`run` also does this at start).
    Migrate,
    /// Manage clusters.
    #[command(subcommand)]
    Cluster(ClusterCommand),
    /// Manage cooperatives inside a cluster.
    #[command(subcommand)]
    Cooperative(CooperativeCommand),
    /// Create an invite code (and its t.me deep link) for someone to join a cluster.
    Invite(InviteArgs),
    /// Import and list questionnaires (XLSForm).
    #[command(subcommand)]
    Form(FormCommand),
    /// Import and list the joint actions of a cluster's action plan.
    #[command(subcommand)]
    Actions(ActionsCommand),
    /// Mark a member as a member of the Cluster Commission / Steering Committee (meetings can
    /// be sent to the commission), or remove the mark.
    Commission(CommissionArgs),
    /// Mark a member as coordinator (project staff): they see and do everything in every
    /// cluster, as a CDA would. Or remove the mark.
    Coordinator(CoordinatorArgs),
    /// Export a cluster's data as CSV or XLSX: members, form responses (one row per
    /// submission, one column per question), progress reports, meetings with answers, or
    /// field notes; prints the row count.
    Export(ExportArgs),
    /// Make a consistent copy of the database while the bot runs. SQLite: an online copy
    /// (`VACUUM INTO`), checked before it is reported; PostgreSQL: `pg_dump --format=custom`.
    /// The database is not migrated first, so a backup taken before an upgrade is of the
    /// old schema.
    Backup(BackupArgs),
    /// Try clusterbot without Telegram: the real bot against a Bot API emulator in this
    /// process, a seeded demo cluster, and a chat page in the browser. Uses its own SQLite
    /// file (never DATABASE_URL) unless --database-url is given on the command line.
    Sandbox(SandboxArgs),
}

#[derive(Debug, Clone, Args)]
pub struct SandboxArgs {
    /// Where the chat page is served.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: std::net::SocketAddr,
    /// An XLSForm (.xlsx) to preview at start: imported into the sandbox and opened on the
    /// page, or its problems listed by row and column.
    #[arg(long)]
    pub form: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct WebhookArgs {
    /// Local address the webhook (and `/healthz`) listens on; the reverse proxy forwards
    /// PUBLIC_URL here.
    #[arg(long, env = "WEBHOOK_LISTEN", default_value = "127.0.0.1:8443")]
    pub listen: std::net::SocketAddr,
    /// The public https URL Telegram posts updates to, e.g.
    /// https://bot.example.org/telegram; its path is the path served on LISTEN.
    #[arg(long, env = "WEBHOOK_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Url,
    /// The secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token` (1-256 characters of
    /// A-Z a-z 0-9 _ -); requests without it are refused. Default: derived from the bot
    /// token, so every instance of one bot agrees without configuration.
    #[arg(long, env = "WEBHOOK_SECRET_TOKEN", value_parser = parse_secret_token)]
    pub secret_token: Option<String>,
    /// How many connections Telegram may open at once to deliver updates (1-100).
    #[arg(long, env = "WEBHOOK_MAX_CONNECTIONS", default_value_t = 40, value_parser = clap::value_parser!(u8).range(1..=100))]
    pub max_connections: u8,
    /// PostgreSQL: how many updates this process holds at once, each holding its chat's turn
    /// on a connection of its own (1-100); further requests wait for one at most 10 s (25 s
    /// in all with the turn), then are answered 503 and delivered again by Telegram.
    #[arg(long, env = "WEBHOOK_CHAT_TURNS", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub chat_turns: u32,
}

fn parse_public_url(raw: &str) -> Result<Url, String> {
    let url = Url::parse(raw.trim())
        .map_err(|e| format!("'{raw}' is not a URL ({e}); use e.g. https://bot.example.org/telegram"))?;
    if !matches!(url.scheme(), "https" | "http") || url.host().is_none() {
        return Err(format!("'{raw}' must be an https URL, e.g. https://bot.example.org/telegram"));
    }
    Ok(url)
}

fn parse_secret_token(raw: &str) -> Result<String, String> {
    let ok = (1..=256).contains(&raw.len())
        && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(raw.to_owned())
    } else {
        Err("the secret token must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)".into())
    }
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The file to write; it must not exist yet (a backup never overwrites anything).
    #[arg(long)]
    pub out: std::path::PathBuf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Cluster id (see `clusterbot cluster list`).
    #[arg(long)]
    pub cluster: ClusterId,
    /// What to export: members, responses, reports, meetings or notes.
    #[arg(long)]
    pub dataset: crate::export::Dataset,
    /// File format: csv (UTF-8 with a BOM, opens in Excel) or xlsx.
    #[arg(long)]
    pub format: crate::export::Format,
    /// The file to write.
    #[arg(long)]
    pub out: std::path::PathBuf,
    /// First day, in the cluster's time zone (2026-03-15 or 15/03/2026): rows joined,
    /// started, reported, starting or written on or after it.
    #[arg(long, value_parser = parse_day)]
    pub from: Option<chrono::NaiveDate>,
    /// Last day, inclusive, in the cluster's time zone.
    #[arg(long, value_parser = parse_day)]
    pub to: Option<chrono::NaiveDate>,
    /// Choice labels in this language (en, fr, ar, es, ur, ru) instead of choice codes.
    #[arg(long)]
    pub lang: Option<Locale>,
    /// For --dataset responses: the form id (see `clusterbot form list`).
    #[arg(long)]
    pub form: Option<String>,
    /// The form's version (default: the latest).
    #[arg(long, requires = "form")]
    pub version: Option<String>,
    /// Also write the voice notes and photos the rows refer to into this ZIP, under the
    /// names the rows show (media files are read from --data-dir).
    #[arg(long)]
    pub media_zip: Option<std::path::PathBuf>,
    /// Leave out names, genders and Telegram ids.
    #[arg(long)]
    pub no_personal: bool,
}

fn parse_day(raw: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::form::walk::parse_date(raw)
        .map_err(|_| format!("'{raw}' is not a date; write it as 2026-03-15 or 15/03/2026"))
}

#[derive(Debug, Args)]
pub struct CoordinatorArgs {
    /// The member's Telegram user id (shown to them by /mydata).
    #[arg(long)]
    pub telegram_user: i64,
    /// Remove the mark instead.
    #[arg(long)]
    pub remove: bool,
}

#[derive(Debug, Args)]
pub struct CommissionArgs {
    /// Cluster id.
    #[arg(long)]
    pub cluster: ClusterId,
    /// The member's Telegram user id (shown to them by /mydata).
    #[arg(long)]
    pub telegram_user: i64,
    /// Remove the member from the commission instead.
    #[arg(long)]
    pub remove: bool,
}

#[derive(Debug, Subcommand)]
pub enum ActionsCommand {
    /// Import an action plan (.csv, .xlsx, .xls, .ods), one joint action per row; prints the
    /// new action ids.
    ///
    /// Columns, named in the first row: title and due (required), description, cooperatives
    /// (names separated by `;` or `,`; empty: the whole cluster), start (default: today),
    /// target (e.g. "10 t"), unit, rhythm_days (check-in rhythm in days). Dates as 2026-03-15
    /// or 15/03/2026. Every row is checked first: any problem is reported with its row and
    /// column, and nothing is stored.
    Import {
        /// Cluster id (see `clusterbot cluster list`).
        #[arg(long)]
        cluster: ClusterId,
        /// The plan: .csv (UTF-8, `,` or `;` between cells) or a spreadsheet (.xlsx, .xls,
        /// .ods; the sheet named "actions", else the first).
        file: std::path::PathBuf,
    },
    /// List a cluster's joint actions, by due date.
    List {
        /// Cluster id (see `clusterbot cluster list`).
        #[arg(long)]
        cluster: ClusterId,
    },
}

#[derive(Debug, Subcommand)]
pub enum FormCommand {
    /// Import an XLSForm (.xlsx); prints the form id and version. The whole form is checked
    /// first: any problem is reported with its sheet, row and column, and nothing is stored.
    Import {
        /// The XLSForm file.
        file: std::path::PathBuf,
        /// Folder with the audio prompts the form names (media::audio); default: the file's folder.
        #[arg(long)]
        media: Option<std::path::PathBuf>,
    },
    /// List imported forms and their versions.
    List,
}

#[derive(Debug, Subcommand)]
pub enum ClusterCommand {
    /// Create a cluster; prints its id.
    Add {
        /// Name, e.g. "Sialkot surgical instruments".
        #[arg(long)]
        name: String,
        /// IANA time zone of the cluster, e.g. Asia/Karachi or Africa/Tunis.
        #[arg(long)]
        timezone: String,
        /// Language used when a member's own language is unknown: en, fr, ar, es, ur, ru.
        #[arg(long, default_value = "en")]
        locale: Locale,
        /// Sector, e.g. "surgical instruments" or "figs".
        #[arg(long)]
        sector: Option<String>,
    },
    /// List clusters.
    List,
}

#[derive(Debug, Subcommand)]
pub enum CooperativeCommand {
    /// Create a cooperative in a cluster; prints its id.
    Add {
        /// Cluster id (see `clusterbot cluster list`).
        #[arg(long)]
        cluster: ClusterId,
        /// Name of the cooperative.
        #[arg(long)]
        name: String,
    },
    /// List the cooperatives of a cluster.
    List {
        #[arg(long)]
        cluster: ClusterId,
    },
}

#[derive(Debug, Args)]
pub struct InviteArgs {
    /// Cluster id the invite joins.
    #[arg(long)]
    pub cluster: ClusterId,
    /// Role the newcomer gets: producer, leader or cda.
    #[arg(long)]
    pub role: Role,
    /// Cooperative the newcomer joins (producers and leaders only).
    #[arg(long)]
    pub cooperative: Option<CooperativeId>,
    /// How many people may join with this code.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(i64).range(1..=10_000))]
    pub uses: i64,
    /// How long the code stays valid: e.g. 30m, 12h, 7d, 2w.
    #[arg(long, default_value = "7d", value_parser = crate::domain::parse_validity)]
    pub expires: chrono::Duration,
}

/// The bot token. Never printed: `Debug` and `Display` show a placeholder.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

/// A setting that is missing or malformed. The message names it and says how to fix it.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "TELOXIDE_TOKEN is not set: get a bot token from @BotFather and `export TELOXIDE_TOKEN=123456:ABC...`"
    )]
    MissingToken,
    #[error(
        "TELOXIDE_TOKEN is malformed: a token from @BotFather looks like 123456789:AAE... (digits, a colon, then letters, digits, - or _)"
    )]
    MalformedToken,
    #[error(
        "TELOXIDE_API_URL is not a valid http(s) URL: {0}; use e.g. http://127.0.0.1:8081 or leave it unset for api.telegram.org"
    )]
    BadApiUrl(String),
    #[error(
        "DATABASE_URL must start with sqlite:// or postgres:// (got a value starting with '{0}'); e.g. sqlite://clusterbot.db"
    )]
    BadDatabaseUrl(String),
    #[error(
        "DATABASE_URL points at an in-memory SQLite database, which `run` would start empty and lose on exit; give a file, e.g. DATABASE_URL=sqlite://clusterbot.db"
    )]
    InMemoryDatabase,
    #[error("METRICS_LISTEN '{0}' is not an address; use e.g. METRICS_LISTEN=127.0.0.1:9464")]
    BadMetricsListen(String),
}

/// Everything `run` needs, checked.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub data_dir: std::path::PathBuf,
    pub token: Token,
    pub api_url: Option<Url>,
    /// Where `/healthz` and `/metrics` are served, in both modes (`METRICS_LISTEN`).
    pub metrics_listen: Option<std::net::SocketAddr>,
    /// A folder of `<lang>/*.ftl` files whose entries override the shipped translations
    /// (`LOCALES_DIR`): the words a deployment chooses for cluster, cooperative, CDA…
    pub locales_dir: Option<std::path::PathBuf>,
}

/// `LOCALES_DIR`: unset or empty is none.
pub fn parse_locales_dir(raw: Option<String>) -> Option<std::path::PathBuf> {
    raw.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).map(std::path::PathBuf::from)
}

/// `METRICS_LISTEN`: unset or empty is off.
pub fn parse_metrics_listen(raw: Option<String>) -> Result<Option<std::net::SocketAddr>, ConfigError> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(addr) => addr.parse().map(Some).map_err(|_| ConfigError::BadMetricsListen(addr.to_owned())),
    }
}

/// Checks `DATABASE_URL` without revealing credentials it may hold.
pub fn check_database_url(url: &str) -> Result<(), ConfigError> {
    match Backend::of_url(url) {
        Some(_) => Ok(()),
        None => Err(ConfigError::BadDatabaseUrl(url.chars().take_while(|c| *c != ':').take(12).collect())),
    }
}

/// `run` needs a database that outlives the process and holds the migrated tables: an SQLite URL
/// without a path (`sqlite:`), `:memory:` or `mode=memory` would give an empty one.
pub fn check_persistent_database_url(url: &str) -> Result<(), ConfigError> {
    let Some(rest) = url.strip_prefix("sqlite:") else { return Ok(()) };
    let rest = rest.trim_start_matches('/');
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let memory_mode = query.split('&').any(|kv| kv.eq_ignore_ascii_case("mode=memory"));
    if path.trim().is_empty() || path == ":memory:" || memory_mode {
        return Err(ConfigError::InMemoryDatabase);
    }
    Ok(())
}

pub fn parse_token(raw: Option<String>) -> Result<Token, ConfigError> {
    let raw = raw.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).ok_or(ConfigError::MissingToken)?;
    let (id, secret) = raw.split_once(':').ok_or(ConfigError::MalformedToken)?;
    let id_ok = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
    let secret_ok =
        !secret.is_empty() && secret.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if id_ok && secret_ok { Ok(Token(raw)) } else { Err(ConfigError::MalformedToken) }
}

pub fn parse_api_url(raw: Option<String>) -> Result<Option<Url>, ConfigError> {
    let Some(raw) = raw.filter(|s| !s.trim().is_empty()) else { return Ok(None) };
    let url = Url::parse(raw.trim()).map_err(|e| ConfigError::BadApiUrl(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ConfigError::BadApiUrl(format!("scheme '{}' is not http or https", url.scheme())));
    }
    Ok(Some(url))
}

impl Config {
    /// Reads the token and API URL from the environment.
    pub fn from_env(database_url: String, data_dir: std::path::PathBuf) -> Result<Self, ConfigError> {
        check_database_url(&database_url)?;
        check_persistent_database_url(&database_url)?;
        Ok(Self {
            database_url,
            data_dir,
            token: parse_token(std::env::var("TELOXIDE_TOKEN").ok())?,
            api_url: parse_api_url(std::env::var("TELOXIDE_API_URL").ok())?,
            metrics_listen: parse_metrics_listen(std::env::var("METRICS_LISTEN").ok())?,
            locales_dir: parse_locales_dir(std::env::var("LOCALES_DIR").ok()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_token_says_where_to_get_one() {
        let err = parse_token(None).unwrap_err();
        assert!(err.to_string().contains("TELOXIDE_TOKEN"));
        assert!(err.to_string().contains("@BotFather"));
        assert_eq!(parse_token(Some("  ".into())).unwrap_err(), ConfigError::MissingToken);
    }

    #[test]
    fn a_malformed_token_is_refused_without_being_echoed() {
        for bad in ["abc", "123:", ":abc", "12a:abc", "123:ab c", "123:секрет"] {
            let err = parse_token(Some(bad.into())).unwrap_err();
            assert_eq!(err, ConfigError::MalformedToken, "{bad}");
        }
        let err = parse_token(Some("123:s3cr3t!".into())).unwrap_err().to_string();
        assert!(!err.contains("s3cr3t"));
    }

    #[test]
    fn the_token_never_shows_in_debug_output() {
        let token = parse_token(Some("123456:AAE-secret_part".into())).unwrap();
        assert_eq!(token.expose(), "123456:AAE-secret_part");
        assert!(!format!("{token:?}").contains("secret"));
    }

    #[test]
    fn api_urls_must_be_http() {
        assert_eq!(parse_api_url(None).unwrap(), None);
        assert!(parse_api_url(Some("http://127.0.0.1:8081".into())).unwrap().is_some());
        assert!(parse_api_url(Some("ftp://x".into())).is_err());
        assert!(
            parse_api_url(Some("not a url".into())).unwrap_err().to_string().contains("TELOXIDE_API_URL")
        );
    }

    #[test]
    fn database_urls_name_the_setting_and_hide_credentials() {
        assert!(check_database_url("sqlite://x.db").is_ok());
        assert!(check_database_url("postgres://u@h/db").is_ok());
        let err = check_database_url("mysql://root:hunter2@h/db").unwrap_err().to_string();
        assert!(err.contains("DATABASE_URL"));
        assert!(!err.contains("hunter2"));
    }

    #[test]
    fn run_refuses_in_memory_sqlite() {
        for url in
            ["sqlite:", "sqlite://", "sqlite::memory:", "sqlite://:memory:", "sqlite://x.db?mode=memory"]
        {
            assert_eq!(check_persistent_database_url(url), Err(ConfigError::InMemoryDatabase), "{url}");
        }
        for url in ["sqlite://x.db", "sqlite:x.db?mode=rwc", "sqlite:///tmp/x.db", "postgres://u@h/db"] {
            assert!(check_persistent_database_url(url).is_ok(), "{url}");
        }
    }
}
