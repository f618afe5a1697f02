//! What each subcommand does. Administrative commands print results on stdout (one value
//! per line, so scripts can read them) and a human summary on stderr.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use teloxide::prelude::*;
use teloxide::{ApiError, RequestError};
use tracing_subscriber::EnvFilter;

use crate::bot::{self, App};
use crate::config::{
    ActionsCommand, Cli, ClusterCommand, Command, Config, CooperativeCommand, FormCommand, InviteArgs,
    check_database_url, parse_api_url, parse_token,
};
use crate::domain::InviteSpec;
use crate::i18n::I18n;
use crate::store::{BOT_USERNAME, Store, StoreError, now};

/// Logs go to stderr, filtered by `RUST_LOG` (default `info`). Message text, names and the
/// token are never logged at any level by clusterbot itself.
///
/// usvg's warnings are off by default: charts shape each line once per font (see
/// `chart::push_text`), and usvg warns about every character the other font draws.
pub fn init_logging() -> Result<(), String> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(value) if !value.trim().is_empty() => EnvFilter::try_new(&value).map_err(|e| {
            format!(
                "RUST_LOG is not a valid log filter ({e}); try RUST_LOG=info or RUST_LOG=clusterbot=debug"
            )
        })?,
        _ => EnvFilter::new("info,sqlx=warn,usvg=error"),
    };
    // Colours only on a terminal: a log file or journal must not fill with escape codes.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi).with_writer(std::io::stderr).init();
    Ok(())
}

pub async fn execute(cli: Cli) -> anyhow::Result<()> {
    check_database_url(&cli.database_url)?;
    if let Command::Run = cli.command {
        let config = Config::from_env(cli.database_url, cli.data_dir)?;
        return run(config).await;
    }
    let store = open_store(&cli.database_url).await?;
    let result = match cli.command {
        Command::Export(args) => export(&store, args, cli.data_dir).await,
        command => admin(&store, command).await,
    };
    store.close().await;
    result
}

async fn open_store(url: &str) -> anyhow::Result<Store> {
    Store::open(url).await.context("could not open the database named by DATABASE_URL")
}

async fn admin(store: &Store, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Run => unreachable!("handled by execute"),
        Command::Export(_) => unreachable!("handled by execute"),
        Command::Migrate => {
            eprintln!("database is up to date");
        }
        Command::Cluster(ClusterCommand::Add { name, timezone, locale, sector }) => {
            let tz: chrono_tz::Tz = timezone.parse().map_err(|_| {
                anyhow::anyhow!("--timezone '{timezone}' is not an IANA time zone; use e.g. Asia/Karachi, Africa/Tunis or Africa/Casablanca")
            })?;
            let name = non_empty("--name", &name)?;
            let cluster = store
                .add_cluster(name, tz, locale, sector.as_deref().map(str::trim).filter(|s| !s.is_empty()))
                .await?;
            println!("{}", cluster.cluster_id);
            eprintln!(
                "created cluster {} \"{}\" ({}, {})",
                cluster.cluster_id, cluster.name, cluster.timezone, cluster.locale
            );
        }
        Command::Cluster(ClusterCommand::List) => {
            println!("id\tname\ttimezone\tlocale\tsector");
            for c in store.clusters().await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    c.cluster_id,
                    c.name,
                    c.timezone,
                    c.locale,
                    c.sector.unwrap_or_default()
                );
            }
        }
        Command::Cooperative(CooperativeCommand::Add { cluster, name }) => {
            let name = non_empty("--name", &name)?;
            let coop = store.add_cooperative(cluster, name).await.map_err(|e| not_found_hint(e, cluster))?;
            println!("{}", coop.cooperative_id);
            eprintln!(
                "created cooperative {} \"{}\" in cluster {}",
                coop.cooperative_id, coop.name, coop.cluster_id
            );
        }
        Command::Cooperative(CooperativeCommand::List { cluster }) => {
            store.cluster(cluster).await.map_err(|e| not_found_hint(e, cluster))?;
            println!("id\tname");
            for c in store.cooperatives(cluster).await? {
                println!("{}\t{}", c.cooperative_id, c.name);
            }
        }
        Command::Invite(args) => invite(store, args).await?,
        Command::Form(FormCommand::Import { file, media }) => {
            import_form(store, &file, media.as_deref()).await?
        }
        Command::Form(FormCommand::List) => {
            println!("form_id\tversion\ttitle\timported");
            for f in store.forms().await? {
                println!(
                    "{}\t{}\t{}\t{}",
                    f.form_id,
                    f.version,
                    f.title,
                    f.created_at.format("%Y-%m-%d %H:%M")
                );
            }
        }
        Command::Actions(ActionsCommand::Import { cluster, file }) => {
            import_actions(store, cluster, &file).await?
        }
        Command::Actions(ActionsCommand::List { cluster }) => list_actions(store, cluster).await?,
        Command::Coordinator(args) => {
            if !store.set_coordinator(args.telegram_user, !args.remove).await? {
                bail!(
                    "no member with Telegram id {}; they must have joined first (their id is in /mydata)",
                    args.telegram_user
                );
            }
            eprintln!(
                "Telegram user {} is {} coordinator",
                args.telegram_user,
                if args.remove { "no longer" } else { "now" }
            );
        }
        Command::Commission(args) => {
            store.cluster(args.cluster).await.map_err(|e| not_found_hint(e, args.cluster))?;
            if !store.set_commission(args.cluster, args.telegram_user, !args.remove).await? {
                bail!(
                    "no member with Telegram id {} in cluster {}; the member must have joined first (their id is in /mydata)",
                    args.telegram_user,
                    args.cluster
                );
            }
            eprintln!(
                "Telegram user {} is {} the commission of cluster {}",
                args.telegram_user,
                if args.remove { "no longer in" } else { "now in" },
                args.cluster
            );
        }
    }
    Ok(())
}

fn non_empty<'a>(flag: &str, value: &'a str) -> anyhow::Result<&'a str> {
    let value = value.trim();
    if value.is_empty() {
        bail!("{flag} must not be empty");
    }
    Ok(value)
}

fn not_found_hint(e: StoreError, cluster: i64) -> anyhow::Error {
    match e {
        StoreError::NotFound("cluster") => {
            anyhow::anyhow!("there is no cluster {cluster}; `clusterbot cluster list` shows the ids")
        }
        other => other.into(),
    }
}

async fn invite(store: &Store, args: InviteArgs) -> anyhow::Result<()> {
    let cluster = store.cluster(args.cluster).await.map_err(|e| not_found_hint(e, args.cluster))?;
    if args.cooperative.is_some() && !args.role.belongs_to_cooperative() {
        bail!("--cooperative is for producers and leaders; a CDA serves the whole cluster");
    }
    let spec = InviteSpec {
        cluster_id: cluster.cluster_id,
        role: args.role,
        cooperative_id: args.cooperative,
        max_uses: args.uses,
        expires_at: now() + args.expires,
        created_by: None,
    };
    let invite = store.add_invite(&spec).await.map_err(|e| match e {
        StoreError::NotFound(_) => anyhow::anyhow!(
            "cooperative {} is not in cluster {}; `clusterbot cooperative list --cluster {}` shows its cooperatives",
            args.cooperative.unwrap_or_default(),
            cluster.cluster_id,
            cluster.cluster_id
        ),
        other => other.into(),
    })?;
    println!("{}", invite.code);
    match bot_username(store).await {
        Some(username) => println!("https://t.me/{username}?start={}", invite.code),
        None => eprintln!(
            "(the deep link needs the bot's username: set TELOXIDE_TOKEN, or run the bot once, then create the invite again)"
        ),
    }
    eprintln!(
        "invite for a {} of \"{}\": {} use(s), valid until {} UTC",
        invite.role,
        cluster.name,
        invite.max_uses,
        invite.expires_at.format("%Y-%m-%d %H:%M")
    );
    Ok(())
}

async fn import_form(
    store: &Store,
    file: &std::path::Path,
    media: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("could not read {}", file.display()))?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("form.xlsx");
    let media = media.or_else(|| file.parent()).map(std::path::Path::to_path_buf);
    let imported = crate::import::import(store, &bytes, name, media.as_deref()).await?;
    let form = &imported.form;
    println!("{}\t{}", form.form_id, form.version);
    let what = match imported.saved {
        crate::store::Saved::New(_) => "imported",
        crate::store::Saved::Unchanged(_) => "already imported, unchanged:",
    };
    eprintln!(
        "{what} \"{}\" ({} questions; languages: {})",
        form.title(crate::domain::Locale::En),
        crate::domain::form::walk::question_count(form, crate::store::now().date_naive()),
        if form.languages.is_empty() { "one, unnamed".to_owned() } else { form.languages.join(", ") }
    );
    for note in &imported.cut {
        eprintln!("warning: {note}");
    }
    for name in &imported.missing_media {
        eprintln!(
            "warning: audio prompt '{name}' not found beside the form; its question is asked without it"
        );
    }
    Ok(())
}

async fn import_actions(store: &Store, cluster_id: i64, file: &std::path::Path) -> anyhow::Result<()> {
    let cluster = store.cluster(cluster_id).await.map_err(|e| not_found_hint(e, cluster_id))?;
    let bytes = std::fs::read(file).with_context(|| format!("could not read {}", file.display()))?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("actions.csv");
    let imported = crate::import::import_plan(store, &cluster, &bytes, name).await?;
    for action in &imported.actions {
        println!("{}", action.action_id);
    }
    eprintln!(
        "imported {} joint action(s) into cluster {} \"{}\" from {}",
        imported.actions.len(),
        cluster.cluster_id,
        cluster.name,
        if name.to_lowercase().ends_with(".csv") {
            name.to_owned()
        } else {
            format!("sheet \"{}\" of {name}", imported.sheet)
        }
    );
    for column in &imported.ignored_columns {
        eprintln!("note: column {column} is not one clusterbot reads, so it was ignored");
    }
    Ok(())
}

async fn list_actions(store: &Store, cluster_id: i64) -> anyhow::Result<()> {
    store.cluster(cluster_id).await.map_err(|e| not_found_hint(e, cluster_id))?;
    println!("id\ttitle\towners\tstart\tdue\ttarget\trhythm_days\tdone");
    for a in store.actions(cluster_id).await? {
        let owners: Vec<String> =
            store.action_owners(a.action_id).await?.into_iter().map(|(_, name)| name).collect();
        let target =
            a.target.map(|t| format!("{t} {}", a.unit.as_deref().unwrap_or_default()).trim_end().to_owned());
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            a.action_id,
            a.title,
            if owners.is_empty() { "(whole cluster)".to_owned() } else { owners.join(", ") },
            a.start_date,
            a.due_date,
            target.unwrap_or_default(),
            a.rhythm_days.map(|d| d.to_string()).unwrap_or_default(),
            if a.done_at.is_some() { "yes" } else { "no" }
        );
    }
    Ok(())
}

/// `clusterbot export`: operators see personal columns unless `--no-personal`.
async fn export(
    store: &Store,
    args: crate::config::ExportArgs,
    data_dir: std::path::PathBuf,
) -> anyhow::Result<()> {
    let request = crate::export::ExportRequest {
        cluster_id: args.cluster,
        dataset: args.dataset,
        format: args.format,
        form: args.form.map(|f| (f, args.version)),
        from: args.from,
        to: args.to,
        labels: args.lang,
        include_personal: !args.no_personal,
        media_zip: args.media_zip.clone(),
        data_dir,
    };
    let summary = crate::export::export(store, &request, &args.out).await?;
    println!("{}", summary.rows);
    eprintln!(
        "exported {} {} row(s) of cluster {} to {} ({} columns{})",
        summary.rows,
        args.dataset,
        args.cluster,
        args.out.display(),
        summary.columns.len(),
        if request.include_personal { ", with names" } else { ", without names, genders or Telegram ids" }
    );
    if let Some(zip) = &args.media_zip {
        eprintln!("{} media file(s) in {}", summary.media_files, zip.display());
    }
    for path in &summary.missing_media {
        eprintln!("warning: {path} is not in the data directory; it is missing from the ZIP");
    }
    Ok(())
}

/// The bot's username: asked from Telegram when a token is configured, else the one the
/// last `clusterbot run` saw.
async fn bot_username(store: &Store) -> Option<String> {
    if let Ok(token) = parse_token(std::env::var("TELOXIDE_TOKEN").ok()) {
        let mut bot = Bot::new(token.expose());
        if let Ok(Some(url)) = parse_api_url(std::env::var("TELOXIDE_API_URL").ok()) {
            bot = bot.set_api_url(url);
        }
        if let Ok(Ok(me)) = tokio::time::timeout(Duration::from_secs(10), bot.get_me().send()).await {
            let _ = store.set_setting(BOT_USERNAME, me.username()).await;
            return Some(me.username().to_owned());
        }
    }
    store.setting(BOT_USERNAME).await.ok().flatten()
}

/// `clusterbot run`: migrate, say hello to the Bot API, publish command menus, then
/// long-poll until Ctrl-C or SIGTERM.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let store = open_store(&config.database_url).await?;
    let i18n = Arc::new(I18n::load()?);
    let mut bot = Bot::new(config.token.expose());
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    let me = bot.get_me().await.map_err(|e| match e {
        RequestError::Api(ApiError::InvalidToken) => {
            anyhow::anyhow!("TELOXIDE_TOKEN was refused by the Bot API: check the token with @BotFather")
        }
        other => anyhow::anyhow!(
            "could not reach the Bot API{}: {other}",
            config.api_url.as_ref().map(|u| format!(" at {u} (TELOXIDE_API_URL)")).unwrap_or_default()
        ),
    })?;
    store.set_setting(BOT_USERNAME, me.username()).await?;
    tracing::info!(bot = %me.username(), backend = ?store.backend(), "clusterbot is running");
    if let Err(e) = bot::publish_default_commands(&bot, &i18n).await {
        tracing::warn!(error = %e, "could not publish the command menus");
    }
    bot::run(bot, App::new(store.clone(), i18n, config.data_dir.clone())).await;
    store.close().await;
    tracing::info!("clusterbot stopped");
    Ok(())
}
