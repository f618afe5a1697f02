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
    WebhookArgs, check_database_url, parse_api_url, parse_token,
};
use crate::domain::InviteSpec;
use crate::domain::ids::ClusterId;
use crate::i18n::I18n;
use crate::store::{BOT_USERNAME, Backend, Store, StoreError, now};

/// Logs go to stderr, filtered by `RUST_LOG` (default `info`), as readable lines or, with
/// `LOG_FORMAT=json`, one JSON object a line for log shippers. Message text, names and the
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
    let json = match std::env::var("LOG_FORMAT").unwrap_or_default().trim() {
        "" | "text" => false,
        "json" => true,
        other => {
            return Err(format!(
                "LOG_FORMAT '{other}' is not known; use LOG_FORMAT=text (the default) or LOG_FORMAT=json"
            ));
        }
    };
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::{Layer, fmt};
    let logs = fmt::layer().with_writer(std::io::stderr);
    let logs = if json {
        logs.json().with_current_span(false).with_filter(filter).boxed()
    } else {
        // Colours only on a terminal: a log file or journal must not fill with escape codes.
        logs.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr())).with_filter(filter).boxed()
    };
    // Every statement sqlx runs is an event of `sqlx::query`: counted for /metrics, whatever
    // RUST_LOG prints.
    let statements = CountStatements.with_filter(
        tracing_subscriber::filter::Targets::new().with_target("sqlx::query", tracing::Level::TRACE),
    );
    tracing_subscriber::registry().with(logs).with(statements).init();
    Ok(())
}

/// Counts sqlx's statement events (see [`crate::metrics::count_statement`]).
struct CountStatements;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CountStatements {
    fn on_event(&self, _: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        crate::metrics::count_statement();
    }
}

pub async fn execute(cli: Cli) -> anyhow::Result<()> {
    if let Command::Sandbox(args) = cli.command {
        // Its own database and files unless named on the command line: never production's.
        let url = if cli.database_url_given {
            cli.database_url
        } else {
            crate::sandbox::DEFAULT_DATABASE_URL.to_owned()
        };
        check_database_url(&url)?;
        let data_dir =
            if cli.data_dir_given { cli.data_dir } else { crate::sandbox::DEFAULT_DATA_DIR.into() };
        return crate::sandbox::run(args.listen, &url, data_dir, args.form).await;
    }
    check_database_url(&cli.database_url)?;
    if let Command::Run = cli.command {
        let config = Config::from_env(cli.database_url, cli.data_dir)?;
        return run(config, None).await;
    }
    if let Command::Webhook(args) = cli.command {
        let config = Config::from_env(cli.database_url, cli.data_dir)?;
        return run(config, Some(args)).await;
    }
    if let Command::Backup(args) = &cli.command {
        return backup(&cli.database_url, &args.out).await;
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
        Command::Run | Command::Webhook(_) => unreachable!("handled by execute"),
        Command::Export(_) => unreachable!("handled by execute"),
        Command::Backup(_) | Command::Sandbox(_) => unreachable!("handled by execute"),
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

/// `clusterbot backup --out FILE`: never overwrites, never migrates, and reports only a
/// copy that was read back.
async fn backup(database_url: &str, out: &std::path::Path) -> anyhow::Result<()> {
    if out.exists() {
        bail!("{} already exists; a backup never overwrites a file: choose another --out", out.display());
    }
    match Backend::of_url(database_url) {
        Some(Backend::Sqlite) => {
            let store = Store::connect(database_url)
                .await
                .context("could not open the database named by DATABASE_URL")?;
            let result = store.backup_sqlite(out).await;
            store.close().await;
            let check = match result {
                Ok(check) => check,
                Err(e) => {
                    let _ = std::fs::remove_file(out);
                    return Err(
                        anyhow::Error::from(e).context(format!("could not back up into {}", out.display()))
                    );
                }
            };
            println!("{}", out.display());
            eprintln!(
                "backup written and checked: {} ({} bytes, {} migrations, {} members)",
                out.display(),
                check.bytes,
                check.migrations,
                check.members
            );
        }
        Some(Backend::Postgres) => {
            // pg_dump takes a consistent snapshot of a live database; the custom format is
            // what pg_restore reads.
            // The password goes by environment, never on a command line others can read.
            let mut url = url::Url::parse(database_url).context("DATABASE_URL is not a valid URL")?;
            let password = url.password().map(str::to_owned);
            let _ = url.set_password(None);
            let mut pg_dump = std::process::Command::new("pg_dump");
            pg_dump.args(["--format=custom", "--no-owner", "--file"]).arg(out).arg(url.as_str());
            if let Some(password) = password {
                pg_dump.env("PGPASSWORD", password);
            }
            let status = pg_dump.status();
            match status {
                Ok(s) if s.success() => {
                    println!("{}", out.display());
                    eprintln!(
                        "backup written by pg_dump: {} (restore with pg_restore --clean --dbname …)",
                        out.display()
                    );
                }
                Ok(s) => {
                    let _ = std::fs::remove_file(out);
                    bail!("pg_dump failed ({s}); see its message above");
                }
                Err(e) => bail!(
                    "could not run pg_dump ({e}): install PostgreSQL's client tools (Debian: postgresql-client) or run pg_dump --format=custom yourself"
                ),
            }
        }
        None => unreachable!("check_database_url accepted it"),
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

fn not_found_hint(e: StoreError, cluster: ClusterId) -> anyhow::Error {
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
            args.cooperative.map_or(0, crate::domain::ids::CooperativeId::get),
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

async fn import_actions(store: &Store, cluster_id: ClusterId, file: &std::path::Path) -> anyhow::Result<()> {
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

async fn list_actions(store: &Store, cluster_id: ClusterId) -> anyhow::Result<()> {
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

/// `clusterbot run` (long polling) and `clusterbot webhook`: migrate, say hello to the Bot
/// API, publish command menus, then take updates until Ctrl-C or SIGTERM.
pub async fn run(config: Config, webhook: Option<WebhookArgs>) -> anyhow::Result<()> {
    let store = open_store(&config.database_url).await?;
    store.own_database_file(&config.database_url)?;
    let i18n = Arc::new(I18n::load_with(config.locales_dir.as_deref())?);
    if let Some(dir) = &config.locales_dir {
        tracing::info!(dir = %dir.display(), "translations overridden from LOCALES_DIR");
    }
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
    let mut app = App::new(store.clone(), i18n.clone(), config.data_dir.clone());
    app.speech = crate::speech::Speech::from_env().map(std::sync::Arc::new);
    if let Some(speech) = &app.speech {
        tracing::info!(voice = %speech.voice(), "speech synthesis is on: messages carry a 🔊 button");
    }
    app.metrics.api_ok();
    if let Some(addr) = config.metrics_listen {
        crate::web::serve(addr, crate::web::operations(store.clone(), app.metrics.clone()))
            .await
            .with_context(|| format!("could not listen on {addr} (METRICS_LISTEN)"))?;
        tracing::info!(listen = %addr, "serving /healthz and /metrics");
    }
    let receive = match webhook {
        None => crate::runtime::Receive::Polling,
        Some(args) => {
            let (listener, handed) = start_webhook(&bot, &app, &config, &args).await?;
            crate::runtime::Receive::Webhook(listener, handed)
        }
    };
    tracing::info!(bot = %me.username(), backend = ?store.backend(), "clusterbot is running");
    if let Err(e) = bot::publish_default_commands(&bot, &i18n).await {
        tracing::warn!(error = %e, "could not publish the command menus");
    }
    let stopped = crate::runtime::run(bot, app, receive).await;
    store.close().await;
    if let Err(e) = stopped {
        tracing::error!("{e}");
        return Err(e.into());
    }
    tracing::info!("clusterbot stopped");
    Ok(())
}

/// Serves the webhook (and `/healthz`, `/metrics`) on `--listen`, then tells Telegram where to post:
/// the public URL, the secret, the updates the bot handles and how many connections it
/// takes. The webhook is left in place at shutdown, for the other instances.
async fn start_webhook(
    bot: &Bot,
    app: &App,
    config: &Config,
    args: &WebhookArgs,
) -> anyhow::Result<(crate::web::WebhookListener, crate::web::HandedTurns)> {
    let secret =
        args.secret_token.clone().unwrap_or_else(|| crate::web::default_secret(config.token.expose()));
    let turns = app.store.chat_turns(args.chat_turns, crate::web::TURN_WAIT);
    let (listener, router, handed) =
        crate::web::webhook(args.public_url.path(), &secret, turns, app.metrics.clone());
    let router = router.merge(crate::web::operations(app.store.clone(), app.metrics.clone()));
    crate::web::serve(args.listen, router)
        .await
        .with_context(|| format!("could not listen on {} (WEBHOOK_LISTEN)", args.listen))?;
    bot.set_webhook(args.public_url.clone())
        .secret_token(secret)
        .allowed_updates(bot::ALLOWED_UPDATES.to_vec())
        .max_connections(args.max_connections)
        .await
        .map_err(|e| anyhow::anyhow!("Telegram refused the webhook {}: {e}", args.public_url))?;
    tracing::info!(listen = %args.listen, url = %args.public_url, "webhook set");
    Ok((listener, handed))
}
