//! Voice transcription (optional, off by default). When `TRANSCRIBE_URL` points at an
//! OpenAI-compatible server (`POST <TRANSCRIBE_URL>/v1/audio/transcriptions`, e.g. a local
//! Whisper server), every downloaded voice note is sent there in the background and the
//! transcript is stored next to the audio, with the language the server recognised. A name
//! said in a voice note while joining becomes the member's written name from its transcript.
//!
//! Nothing here runs inside a conversation: the job reads files the handlers already stored
//! and writes one row per file. Each file is claimed in the database before it is sent, so
//! two bot processes never both send it; a failure is tried again later (after 1 min, 5 min,
//! 30 min, 2 h, 12 h) and given up after six attempts. The API key is sent as a Bearer token
//! and never written to logs, errors or the database.

use std::fmt;
use std::path::Path;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use reqwest::multipart::{Form, Part};
use serde::Deserialize;
use url::Url;

use crate::bot::App;
use crate::store::StoreError;

/// How often files waiting for a transcript are looked for.
pub const EVERY: StdDuration = StdDuration::from_secs(30);
/// The longest one request may take (upload, transcription and answer).
pub const TIMEOUT: StdDuration = StdDuration::from_secs(120);
/// The model asked for when `TRANSCRIBE_MODEL` is not set.
pub const DEFAULT_MODEL: &str = "whisper-1";
const ENDPOINT_PATH: &str = "v1/audio/transcriptions";
/// How much of an error answer is kept in the database.
const ERROR_CHARS: usize = 300;

/// Where and how to transcribe. `Debug` never shows the API key.
#[derive(Clone)]
pub struct TranscribeConfig {
    /// The full endpoint, `<TRANSCRIBE_URL>/v1/audio/transcriptions`.
    pub endpoint: Url,
    pub model: String,
    api_key: Option<String>,
}

impl fmt::Debug for TranscribeConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TranscribeConfig")
            .field("endpoint", &redacted(&self.endpoint).as_str())
            .field("model", &self.model)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// `TRANSCRIBE_URL` is not an http(s) URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidUrl(String);

impl TranscribeConfig {
    /// `base` is the server, e.g. `http://127.0.0.1:8000` (a URL that already ends in
    /// `/v1/audio/transcriptions` is taken as it is). Empty model or key: the defaults.
    pub fn new(base: &str, model: Option<&str>, api_key: Option<&str>) -> Result<Self, InvalidUrl> {
        let model = model.map(str::trim).filter(|m| !m.is_empty()).unwrap_or(DEFAULT_MODEL);
        let api_key = api_key.map(str::trim).filter(|k| !k.is_empty());
        Ok(Self { endpoint: endpoint(base)?, model: model.to_owned(), api_key: api_key.map(str::to_owned) })
    }

    /// Reads `TRANSCRIBE_URL`, `TRANSCRIBE_MODEL` and `TRANSCRIBE_API_KEY`. Transcription
    /// is off (`None`) when `TRANSCRIBE_URL` is unset or empty, and when it is malformed —
    /// then with a one-line warning naming the variable.
    pub fn from_env() -> Option<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`Self::from_env`] with the variables looked up by `get`.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let base = get("TRANSCRIBE_URL").filter(|u| !u.trim().is_empty())?;
        match Self::new(&base, get("TRANSCRIBE_MODEL").as_deref(), get("TRANSCRIBE_API_KEY").as_deref()) {
            Ok(config) => Some(config),
            Err(e) => {
                tracing::warn!(
                    "TRANSCRIBE_URL is not usable ({e}): set it to the transcription server's base URL, e.g. http://127.0.0.1:8000; voice transcription stays off"
                );
                None
            }
        }
    }

    pub fn has_api_key(&self) -> bool {
        self.api_key.is_some()
    }
}

/// `<base>/v1/audio/transcriptions`, keeping any path prefix of the base.
fn endpoint(base: &str) -> Result<Url, InvalidUrl> {
    let mut url = Url::parse(base.trim()).map_err(|e| InvalidUrl(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(InvalidUrl(format!("the scheme must be http or https, not {}", url.scheme())));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(InvalidUrl("it has no host".into()));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(InvalidUrl("it must not have a query or a fragment".into()));
    }
    let path = url.path().trim_end_matches('/').to_owned();
    if !path.ends_with(&format!("/{ENDPOINT_PATH}")) {
        url.set_path(&format!("{path}/{ENDPOINT_PATH}"));
    }
    Ok(url)
}

/// The URL without user name and password, for logs.
fn redacted(url: &Url) -> Url {
    let mut shown = url.clone();
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    shown
}

/// What the server recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    pub text: String,
    /// As the server names it (Whisper: `arabic`, `french`, …).
    pub language: Option<String>,
}

/// The `verbose_json` answer; other fields (segments, duration) are not needed.
#[derive(Deserialize)]
struct Reply {
    text: String,
    #[serde(default)]
    language: Option<String>,
}

/// The HTTP client of the transcription server.
#[derive(Debug, Clone)]
pub struct Transcriber {
    config: TranscribeConfig,
    http: reqwest::Client,
}

impl Transcriber {
    pub fn new(config: TranscribeConfig) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(StdDuration::from_secs(10))
            .user_agent(concat!("clusterbot/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { config, http })
    }

    pub fn config(&self) -> &TranscribeConfig {
        &self.config
    }

    /// Sends one audio file; the error is one line fit for the log and the database (never
    /// the API key).
    pub async fn transcribe(&self, file_name: &str, audio: Vec<u8>) -> Result<Transcript, String> {
        let file = Part::bytes(audio)
            .file_name(file_name.to_owned())
            .mime_str(content_type(file_name))
            .map_err(|e| e.without_url().to_string())?;
        let form = Form::new()
            .part("file", file)
            .text("model", self.config.model.clone())
            .text("response_format", "verbose_json");
        let mut request = self.http.post(self.config.endpoint.clone()).multipart(form);
        if let Some(key) = &self.config.api_key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.map_err(one_line)?;
        let status = response.status();
        if !status.is_success() {
            // The body may echo what the user said: log and store only its status and length.
            let length = response.bytes().await.map(|b| b.len()).unwrap_or(0);
            return Err(format!("HTTP {status}, answer of {length} bytes"));
        }
        let reply: Reply =
            response.json().await.map_err(|e| format!("unexpected answer: {}", one_line(e)))?;
        let language = reply.language.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
        Ok(Transcript { text: reply.text.trim().to_owned(), language })
    }
}

/// A reqwest error without its URL (which could carry credentials), with its causes.
fn one_line(e: reqwest::Error) -> String {
    let e = e.without_url();
    let mut text = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text.chars().take(ERROR_CHARS).collect()
}

fn content_type(file_name: &str) -> &'static str {
    let extension =
        Path::new(file_name).extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    match extension.as_str() {
        "ogg" | "oga" | "opus" => "audio/ogg",
        "mp3" | "mpga" | "mpeg" => "audio/mpeg",
        "m4a" | "mp4" => "audio/mp4",
        "wav" => "audio/wav",
        "webm" => "audio/webm",
        "flac" => "audio/flac",
        _ => "application/octet-stream",
    }
}

/// Transcribes every voice note waiting for it at `now`, one claimed file at a time;
/// returns how many got their transcript. A failed request is recorded on the file and
/// tried again later; only a database error stops the run.
pub async fn transcribe_once(
    app: &App,
    client: &Transcriber,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let mut done = 0;
    while let Some(job) = app.store.claim_transcription(now).await? {
        let path = app.data_dir.join(&job.path);
        let audio = match tokio::fs::read(&path).await {
            Ok(audio) => audio,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                tracing::warn!(
                    media_file = %job.media_file_id,
                    "a voice note to transcribe is missing from the data directory; given up"
                );
                app.store.transcript_given_up(job.media_file_id, "the audio file is missing").await?;
                continue;
            }
            Err(e) => {
                let error = format!("could not read the audio file: {e}");
                tracing::warn!(media_file = %job.media_file_id, attempt = job.attempts, error = %error, "a voice note could not be transcribed");
                app.store.transcript_failed(job.media_file_id, job.attempts, &error, now).await?;
                continue;
            }
        };
        let file_name =
            Path::new(&job.path).file_name().and_then(|n| n.to_str()).unwrap_or("voice.ogg").to_owned();
        match client.transcribe(&file_name, audio).await {
            Ok(t) => {
                app.store
                    .save_transcript(job.media_file_id, &t.text, t.language.as_deref(), crate::store::now())
                    .await?;
                // A name said while joining is written down from its transcript.
                if let Some(name) = crate::domain::member::parse_display_name(&t.text) {
                    app.store.name_from_transcript(job.media_file_id, &name).await?;
                }
                done += 1;
            }
            Err(error) => {
                let again = crate::store::transcripts::transcribe_backoff(job.attempts).is_some();
                tracing::warn!(media_file = %job.media_file_id, attempt = job.attempts, again, error = %error, "a voice note could not be transcribed");
                app.store.transcript_failed(job.media_file_id, job.attempts, &error, now).await?;
            }
        }
    }
    Ok(done)
}

/// Transcribes voice notes every [`EVERY`] until the task is dropped, when `TRANSCRIBE_URL`
/// is set; returns at once otherwise.
pub async fn run(app: App) {
    run_configured(app, TranscribeConfig::from_env()).await;
}

/// [`run`] with the configuration already read: `None` (transcription off) returns at once.
pub async fn run_configured(app: App, config: Option<TranscribeConfig>) {
    let Some(config) = config else {
        tracing::debug!("TRANSCRIBE_URL is not set: voice notes are not transcribed");
        return;
    };
    run_with(app, config).await;
}

/// [`run`] with a given configuration.
pub async fn run_with(app: App, config: TranscribeConfig) {
    let client = match Transcriber::new(config) {
        Ok(client) => client,
        Err(e) => {
            tracing::warn!(error = %e.without_url(), "could not set up the transcription client; voice transcription stays off");
            return;
        }
    };
    tracing::info!(
        endpoint = %redacted(&client.config.endpoint),
        model = %client.config.model,
        api_key = client.config.has_api_key(),
        "voice transcription is on"
    );
    let mut every = tokio::time::interval(EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        match transcribe_once(&app, &client, crate::store::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(transcripts = n, "voice notes transcribed"),
            Err(e) => tracing::warn!(error = %e, "voice transcription failed"),
        }
    }
}
