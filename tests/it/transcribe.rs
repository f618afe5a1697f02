//! Voice transcription against a local double of an OpenAI-compatible
//! `/v1/audio/transcriptions` endpoint (actix-web on 127.0.0.1), on SQLite and PostgreSQL:
//! voice notes get their transcript and language, photos are never sent, failures are
//! recorded and tried again when their time has come, two runs at once send each file once,
//! and without `TRANSCRIBE_URL` nothing runs.

use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use actix_web::dev::ServerHandle;
use actix_web::{HttpRequest, HttpResponse, HttpServer, web};
use chrono::{DateTime, Duration, Utc};
use clusterbot::bot::App;
use clusterbot::domain::ids::MediaId;
use clusterbot::i18n::I18n;
use clusterbot::jobs::transcribe::{TranscribeConfig, Transcriber, transcribe_once};
use clusterbot::store::{Store, now};
use serde_json::json;

use crate::support::TestDb;

const KEY: &str = "sk-test-never-in-logs";
const LANGUAGE: &str = "arabic";

/// One request the double received.
#[derive(Debug, Clone, Default)]
struct Seen {
    model: Option<String>,
    response_format: Option<String>,
    file_name: Option<String>,
    file_type: Option<String>,
    file_len: usize,
    authorization: Option<String>,
}

#[derive(Default)]
struct State {
    seen: Mutex<Vec<Seen>>,
    /// Requests still to be answered with 500.
    fail: AtomicUsize,
    /// Requests that broke the endpoint's contract (answered 400).
    bad: Mutex<Vec<String>>,
    /// Hold the answer to the first request until a second request has arrived.
    hold_first: bool,
    /// Whether a second request arrived while the first was held.
    overlapped: std::sync::atomic::AtomicBool,
    arrived: tokio::sync::Notify,
}

struct Double {
    url: String,
    state: Arc<State>,
    handle: ServerHandle,
}

impl Double {
    /// Fails the first `fail` requests with 500.
    async fn start(fail: usize) -> Self {
        Self::serve(State { fail: AtomicUsize::new(fail), ..State::default() }).await
    }

    /// Answers the first request only once a second one has arrived, so two runs at once
    /// are certain to overlap: the second must claim its file while the first is held.
    async fn holding_the_first() -> Self {
        Self::serve(State { hold_first: true, ..State::default() }).await
    }

    fn overlapped(&self) -> bool {
        self.state.overlapped.load(Ordering::SeqCst)
    }

    async fn serve(state: State) -> Self {
        let state = Arc::new(state);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the transcription double");
        let port = listener.local_addr().unwrap().port();
        let data = web::Data::from(state.clone());
        let server = HttpServer::new(move || {
            actix_web::App::new()
                .app_data(data.clone())
                .app_data(web::PayloadConfig::new(30 * 1024 * 1024))
                .route("/v1/audio/transcriptions", web::post().to(transcriptions))
        })
        .workers(2)
        .disable_signals()
        .listen(listener)
        .expect("listen")
        .run();
        let handle = server.handle();
        tokio::spawn(server);
        Self { url: format!("http://127.0.0.1:{port}"), state, handle }
    }

    fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    fn bad(&self) -> Vec<String> {
        self.state.bad.lock().unwrap().clone()
    }

    fn transcriber(&self) -> Transcriber {
        Transcriber::new(TranscribeConfig::new(&self.url, None, Some(KEY)).unwrap()).unwrap()
    }

    async fn stop(self) {
        self.handle.stop(false).await;
    }
}

/// What the double says a file says.
fn said(file_name: &str) -> String {
    format!("نحتاج إلى قرض للتعاونية ({file_name})")
}

async fn transcriptions(req: HttpRequest, body: web::Bytes, state: web::Data<State>) -> HttpResponse {
    let content_type =
        req.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let mut seen = Seen {
        authorization: req.headers().get("authorization").and_then(|v| v.to_str().ok()).map(str::to_owned),
        ..Seen::default()
    };
    for part in multipart(&content_type, &body) {
        match part.name.as_str() {
            "model" => seen.model = Some(String::from_utf8_lossy(&part.data).into_owned()),
            "response_format" => {
                seen.response_format = Some(String::from_utf8_lossy(&part.data).into_owned())
            }
            "file" => {
                seen.file_name = part.file_name;
                seen.file_type = part.content_type;
                seen.file_len = part.data.len();
            }
            _ => {}
        }
    }
    let arrived = {
        let mut all = state.seen.lock().unwrap();
        all.push(seen.clone());
        all.len()
    };
    state.arrived.notify_waiters();
    if state.hold_first && arrived == 1 {
        // Held until another request arrives (bounded, so a broken claim fails, never hangs).
        let deadline = tokio::time::Instant::now() + StdDuration::from_secs(60);
        loop {
            let next = state.arrived.notified();
            if state.seen.lock().unwrap().len() >= 2 {
                state.overlapped.store(true, Ordering::SeqCst);
                break;
            }
            if tokio::time::timeout_at(deadline, next).await.is_err() {
                break;
            }
        }
    }
    let problem = if !content_type.starts_with("multipart/form-data") {
        Some(format!("not multipart: {content_type}"))
    } else if seen.file_len == 0 || seen.file_name.is_none() {
        Some("no file, or an empty one".to_owned())
    } else if seen.model.as_deref().is_none_or(str::is_empty) {
        Some("no model".to_owned())
    } else {
        None
    };
    if let Some(problem) = problem {
        state.bad.lock().unwrap().push(problem.clone());
        return HttpResponse::BadRequest().json(json!({"error": {"message": problem}}));
    }
    if state.fail.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok() {
        // As some servers do, the error echoes what was heard: user content.
        let heard = said(seen.file_name.as_deref().unwrap_or_default());
        return HttpResponse::InternalServerError()
            .json(json!({"error": {"message": format!("model overloaded after: {heard}")}}));
    }
    let file_name = seen.file_name.unwrap_or_default();
    HttpResponse::Ok().json(json!({
        "task": "transcribe",
        "language": LANGUAGE,
        "duration": 2.5,
        "text": format!(" {}", said(&file_name)),
        "segments": [],
    }))
}

struct FormPart {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Vec<u8>,
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

/// A small multipart/form-data reader (enough for what reqwest sends).
fn multipart(content_type: &str, body: &[u8]) -> Vec<FormPart> {
    let Some(boundary) = content_type.split(';').find_map(|p| p.trim().strip_prefix("boundary=")) else {
        return Vec::new();
    };
    let delimiter = format!("\r\n--{}", boundary.trim_matches('"')).into_bytes();
    // The body starts with the first delimiter without its leading line break.
    let mut body_with_break = b"\r\n".to_vec();
    body_with_break.extend_from_slice(body);
    let body = &body_with_break[..];
    let mut parts = Vec::new();
    let mut at = match find(body, &delimiter, 0) {
        Some(i) => i + delimiter.len(),
        None => return parts,
    };
    while let Some(end) = find(body, &delimiter, at) {
        let chunk = &body[at..end];
        at = end + delimiter.len();
        let chunk = chunk.strip_prefix(b"\r\n").unwrap_or(chunk);
        let Some(split) = find(chunk, b"\r\n\r\n", 0) else { continue };
        let headers = String::from_utf8_lossy(&chunk[..split]).into_owned();
        let mut part = FormPart {
            name: String::new(),
            file_name: None,
            content_type: None,
            data: chunk[split + 4..].to_vec(),
        };
        for line in headers.lines() {
            let (header, value) = line.split_once(':').unwrap_or((line, ""));
            match header.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    for param in value.split(';').map(str::trim) {
                        if let Some(v) = param.strip_prefix("name=") {
                            part.name = v.trim_matches('"').to_owned();
                        } else if let Some(v) = param.strip_prefix("filename=") {
                            part.file_name = Some(v.trim_matches('"').to_owned());
                        }
                    }
                }
                "content-type" => part.content_type = Some(value.trim().to_owned()),
                _ => {}
            }
        }
        parts.push(part);
    }
    parts
}

/// A store, a data directory and an App around them.
struct Setup {
    db: TestDb,
    app: App,
    _data: tempfile::TempDir,
}

impl Setup {
    async fn of(backend: &str) -> Self {
        let db = TestDb::of(backend).await;
        let data = tempfile::tempdir().unwrap();
        let app = App::new(db.store.clone(), Arc::new(I18n::load().unwrap()), data.path().to_owned());
        Self { db, app, _data: data }
    }

    fn store(&self) -> &Store {
        &self.app.store
    }

    /// Writes a file under the data directory and records it as media_file.
    async fn media(&self, unique: &str, kind: &str) -> MediaId {
        let extension = if kind == "voice" { "ogg" } else { "jpg" };
        let relative = format!("media/{kind}/{unique}.{extension}");
        let path = self.app.data_dir.join(&relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let bytes = format!("OggS\0\x02 fake opus audio of {unique}").into_bytes();
        std::fs::write(&path, &bytes).unwrap();
        self.store().add_media_file(unique, kind, &relative, bytes.len() as i64).await.unwrap()
    }

    async fn cleanup(self) {
        self.db.cleanup().await;
    }
}

async fn voice_notes_get_their_transcript(backend: &str) {
    let s = Setup::of(backend).await;
    let answer = s.media("AgADvoice1", "voice").await;
    let note = s.media("AgADvoice2", "voice").await;
    let photo = s.media("AgADphoto1", "photo").await;
    // A voice note whose audio was deleted by hand: given up, not sent.
    let gone = s.store().add_media_file("AgADgone", "voice", "media/voice/AgADgone.ogg", 10).await.unwrap();
    let double = Double::start(0).await;
    let client = double.transcriber();

    assert_eq!(transcribe_once(&s.app, &client, now()).await.unwrap(), 2);
    let seen = double.seen();
    assert_eq!(seen.len(), 2, "the two voice notes, not the photo, not the missing file: {seen:?}");
    assert_eq!(double.bad(), Vec::<String>::new());
    for r in &seen {
        assert_eq!(r.model.as_deref(), Some("whisper-1"));
        assert_eq!(r.response_format.as_deref(), Some("verbose_json"));
        assert_eq!(r.file_type.as_deref(), Some("audio/ogg"));
        assert!(r.file_len > 10);
        assert_eq!(r.authorization.as_deref(), Some(format!("Bearer {KEY}").as_str()));
    }
    let mut names: Vec<_> = seen.iter().filter_map(|r| r.file_name.clone()).collect();
    names.sort();
    assert_eq!(names, ["AgADvoice1.ogg", "AgADvoice2.ogg"]);

    for (id, unique) in [(answer, "AgADvoice1"), (note, "AgADvoice2")] {
        let expected = said(&format!("{unique}.ogg"));
        assert_eq!(s.store().transcript_of(id).await.unwrap(), Some((expected, Some(LANGUAGE.to_owned()))));
        let state = s.store().transcript_state(id).await.unwrap().unwrap();
        assert!(state.transcribed_at.is_some());
        assert_eq!(state.transcribe_attempts, 1);
        assert_eq!(state.transcribe_error, None);
        assert_eq!(state.next_transcribe_at, None);
    }
    assert_eq!(s.store().transcript_of(photo).await.unwrap(), None);
    let photo_state = s.store().transcript_state(photo).await.unwrap().unwrap();
    assert_eq!(
        (photo_state.transcribe_attempts, photo_state.next_transcribe_at),
        (0, None),
        "a photo is never claimed"
    );
    assert_eq!(s.store().transcript_of(gone).await.unwrap(), None);
    let gone_state = s.store().transcript_state(gone).await.unwrap().unwrap();
    assert_eq!(gone_state.transcribe_attempts, 6);
    assert_eq!(gone_state.transcribe_error.as_deref(), Some("the audio file is missing"));

    // Nothing is sent twice, not even much later.
    assert_eq!(transcribe_once(&s.app, &client, now() + Duration::days(30)).await.unwrap(), 0);
    assert_eq!(double.seen().len(), 2);
    double.stop().await;
    s.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn voice_notes_get_their_transcript_and_language_on_sqlite() {
    voice_notes_get_their_transcript("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn voice_notes_get_their_transcript_and_language_on_postgres() {
    voice_notes_get_their_transcript("postgres").await;
}

async fn state(store: &Store, id: MediaId) -> (i64, Option<String>, Option<DateTime<Utc>>, Option<String>) {
    let s = store.transcript_state(id).await.unwrap().unwrap();
    (s.transcribe_attempts, s.transcribe_error, s.next_transcribe_at, s.transcript)
}

async fn failures_are_tried_again_later(backend: &str) {
    let s = Setup::of(backend).await;
    let id = s.media("AgADlater", "voice").await;
    let double = Double::start(2).await;
    let client = double.transcriber();
    let t0 = now();

    assert_eq!(transcribe_once(&s.app, &client, t0).await.unwrap(), 0);
    let (attempts, error, next, transcript) = state(s.store(), id).await;
    assert_eq!((attempts, next, transcript), (1, Some(t0 + Duration::minutes(1)), None));
    let error = error.expect("the error is recorded");
    // The server's answer may echo user content: only its status and length are kept.
    assert!(error.contains("500") && !error.contains("model overloaded"), "{error}");
    assert!(!error.contains(KEY));

    assert_eq!(
        transcribe_once(&s.app, &client, t0 + Duration::seconds(30)).await.unwrap(),
        0,
        "not before its time"
    );
    assert_eq!(double.seen().len(), 1);

    let t1 = t0 + Duration::seconds(61);
    assert_eq!(transcribe_once(&s.app, &client, t1).await.unwrap(), 0, "fails once more");
    let (attempts, _, next, _) = state(s.store(), id).await;
    assert_eq!((attempts, next), (2, Some(t1 + Duration::minutes(5))));
    assert_eq!(transcribe_once(&s.app, &client, t1 + Duration::minutes(4)).await.unwrap(), 0);
    assert_eq!(double.seen().len(), 2);

    assert_eq!(
        transcribe_once(&s.app, &client, t1 + Duration::minutes(5)).await.unwrap(),
        1,
        "the time has come"
    );
    assert_eq!(double.seen().len(), 3);
    let (attempts, error, next, transcript) = state(s.store(), id).await;
    assert_eq!((attempts, error, next), (3, None, None));
    assert_eq!(transcript, Some(said("AgADlater.ogg")));
    assert_eq!(s.store().transcript_of(id).await.unwrap().unwrap().1.as_deref(), Some(LANGUAGE));

    // A server that cannot be reached is a failure like any other.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let unreachable = Transcriber::new(TranscribeConfig::new(&dead, None, Some(KEY)).unwrap()).unwrap();
    let other = s.media("AgADunreachable", "voice").await;
    assert_eq!(transcribe_once(&s.app, &unreachable, t0).await.unwrap(), 0);
    let (attempts, error, next, _) = state(s.store(), other).await;
    assert_eq!((attempts, next), (1, Some(t0 + Duration::minutes(1))));
    let error = error.unwrap();
    assert!(!error.is_empty() && !error.contains(KEY), "{error}");

    double.stop().await;
    s.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn transcribe_failures_are_tried_again_later_on_sqlite() {
    failures_are_tried_again_later("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn transcribe_failures_are_tried_again_later_on_postgres() {
    failures_are_tried_again_later("postgres").await;
}

async fn gives_up_after_six_attempts(backend: &str) {
    let s = Setup::of(backend).await;
    let id = s.media("AgADhopeless", "voice").await;
    let double = Double::start(usize::MAX).await;
    let client = double.transcriber();
    let mut at = now();
    let waits = [1, 5, 30, 120, 720];
    for (i, wait) in waits.iter().enumerate() {
        assert_eq!(transcribe_once(&s.app, &client, at).await.unwrap(), 0);
        let (attempts, _, next, _) = state(s.store(), id).await;
        assert_eq!(attempts, i as i64 + 1);
        assert_eq!(next, Some(at + Duration::minutes(*wait)), "after attempt {attempts}");
        at += Duration::minutes(*wait);
    }
    assert_eq!(transcribe_once(&s.app, &client, at).await.unwrap(), 0);
    let (attempts, error, next, _) = state(s.store(), id).await;
    assert_eq!((attempts, next), (6, None), "given up");
    assert!(error.unwrap().contains("500"));
    assert_eq!(transcribe_once(&s.app, &client, at + Duration::days(30)).await.unwrap(), 0);
    assert_eq!(double.seen().len(), 6);
    double.stop().await;
    s.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn transcribe_gives_up_after_six_attempts_on_sqlite() {
    gives_up_after_six_attempts("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn transcribe_gives_up_after_six_attempts_on_postgres() {
    gives_up_after_six_attempts("postgres").await;
}

async fn two_runs_send_each_file_once(backend: &str) {
    let s = Setup::of(backend).await;
    let mut ids = Vec::new();
    for i in 0..8 {
        ids.push(s.media(&format!("AgADtwice{i}"), "voice").await);
    }
    let double = Double::holding_the_first().await;
    // Two bot processes: two clients, one database. The first file sent is held until the
    // other run has claimed a file of its own and sent it.
    let (one, two) = (double.transcriber(), double.transcriber());
    let at = now();
    let (a, b) = tokio::join!(transcribe_once(&s.app, &one, at), transcribe_once(&s.app, &two, at));
    assert!(double.overlapped(), "the two runs were sending at the same time");
    assert_eq!(double.bad(), Vec::<String>::new());
    assert_eq!(a.unwrap() + b.unwrap(), 8, "each file transcribed by one run only");
    let seen = double.seen();
    assert_eq!(seen.len(), 8, "each file once: {seen:?}");
    let mut names: Vec<_> = seen.into_iter().filter_map(|r| r.file_name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 8);
    for id in ids {
        assert!(s.store().transcript_of(id).await.unwrap().is_some());
    }
    double.stop().await;
    s.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_transcribe_runs_send_each_file_once_on_sqlite() {
    two_runs_send_each_file_once("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_transcribe_runs_send_each_file_once_on_postgres() {
    two_runs_send_each_file_once("postgres").await;
}

/// The log lines written while `f` runs.
fn logged<T>(f: impl FnOnce() -> T) -> (T, String) {
    let (capture, subscriber) = capture_log();
    let out = tracing::subscriber::with_default(subscriber, f);
    (out, capture.text())
}

#[tokio::test(flavor = "current_thread")]
async fn a_failing_servers_answer_is_logged_by_status_and_length_never_its_body() {
    let s = Setup::of("sqlite").await;
    s.media("AgADechoed", "voice").await;
    let double = Double::start(1).await;
    let client = double.transcriber();
    let (capture, subscriber) = capture_log();
    // One thread: everything the job logs goes to this subscriber.
    let guard = tracing::subscriber::set_default(subscriber);
    assert_eq!(transcribe_once(&s.app, &client, now()).await.unwrap(), 0);
    drop(guard);
    let log = capture.text();
    assert_eq!(double.seen().len(), 1, "the server was asked and failed");
    assert!(log.contains("could not be transcribed"), "{log}");
    assert!(log.contains("500"), "the status is logged: {log}");
    assert!(regex::Regex::new(r"answer of [1-9][0-9]* bytes").unwrap().is_match(&log), "the length: {log}");
    for private in ["model overloaded", &said("AgADechoed.ogg"), "قرض", KEY] {
        assert!(!log.contains(private), "the log shows {private:?}: {log}");
    }
    double.stop().await;
    s.cleanup().await;
}

/// What a subscriber wrote.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Capture {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A subscriber at the most detailed level, writing into the returned capture.
fn capture_log() -> (Capture, impl tracing::Subscriber + Send + Sync) {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    (capture, subscriber)
}

fn vars<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
}

#[test]
fn transcribe_configuration_from_the_environment() {
    assert!(TranscribeConfig::from_lookup(vars(&[])).is_none(), "off by default");
    assert!(
        TranscribeConfig::from_lookup(vars(&[("TRANSCRIBE_URL", "  "), ("TRANSCRIBE_MODEL", "large-v3")]))
            .is_none()
    );

    let c = TranscribeConfig::from_lookup(vars(&[("TRANSCRIBE_URL", "http://127.0.0.1:8000")])).unwrap();
    assert_eq!(c.endpoint.as_str(), "http://127.0.0.1:8000/v1/audio/transcriptions");
    assert_eq!(c.model, "whisper-1");
    assert!(!c.has_api_key());
    let c = TranscribeConfig::from_lookup(vars(&[
        ("TRANSCRIBE_URL", "https://speech.example.org/whisper/"),
        ("TRANSCRIBE_MODEL", "Systran/faster-whisper-small"),
        ("TRANSCRIBE_API_KEY", KEY),
    ]))
    .unwrap();
    assert_eq!(c.endpoint.as_str(), "https://speech.example.org/whisper/v1/audio/transcriptions");
    assert_eq!(c.model, "Systran/faster-whisper-small");
    assert!(c.has_api_key());
    assert!(!format!("{c:?}").contains(KEY), "the key is never shown: {c:?}");
    let full = TranscribeConfig::new("http://localhost:9000/v1/audio/transcriptions", None, None).unwrap();
    assert_eq!(full.endpoint.as_str(), "http://localhost:9000/v1/audio/transcriptions");

    for bad in [
        "not a url",
        "ftp://127.0.0.1/",
        "http://",
        "127.0.0.1:8000",
        "http://u:secret-pw@[::1/",
        "http://h:8000/?x=1",
    ] {
        let (config, log) = logged(|| {
            TranscribeConfig::from_lookup(vars(&[("TRANSCRIBE_URL", bad), ("TRANSCRIBE_API_KEY", KEY)]))
        });
        assert!(config.is_none(), "{bad} is refused");
        assert_eq!(log.trim().lines().count(), 1, "one line: {log}");
        assert!(log.contains("WARN") && log.contains("TRANSCRIBE_URL"), "{log}");
        assert!(!log.contains(KEY) && !log.contains("secret-pw"), "{log}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn without_transcribe_url_nothing_runs() {
    // This environment as the job reads it, with TRANSCRIBE_URL cleared (a developer's shell
    // may have it set, as .env.sample suggests), and its neighbours kept.
    let without_url = |name: &str| if name == "TRANSCRIBE_URL" { None } else { std::env::var(name).ok() };
    let config = TranscribeConfig::from_lookup(without_url);
    assert!(config.is_none(), "{config:?}");
    let s = Setup::of("sqlite").await;
    let id = s.media("AgADoff", "voice").await;
    tokio::time::timeout(
        StdDuration::from_secs(5),
        clusterbot::jobs::transcribe::run_configured(s.app.clone(), config),
    )
    .await
    .expect("the job ends at once when transcription is off");
    let (attempts, error, next, transcript) = state(s.store(), id).await;
    assert_eq!((attempts, error, next, transcript), (0, None, None, None));
    s.cleanup().await;
}
