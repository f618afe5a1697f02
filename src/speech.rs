//! Speech synthesis (optional, off by default): the 🔊 button under questions, the consent,
//! menus and meeting invitations sends the message's text as audio.
//!
//! Two engines:
//! - `TTS_URL`: an OpenAI-compatible server, `POST {TTS_URL}/v1/audio/speech` with
//!   `model` (`TTS_MODEL`, default `tts-1`), `voice` (`TTS_VOICE`, default `alloy`), `input`
//!   and `response_format = opus` (OGG/Opus, a voice bubble in Telegram); `TTS_API_KEY` is
//!   sent as a Bearer token, never logged.
//! - `TTS_COMMAND`: a local program given the text on its standard input, with `{lang}`
//!   (the language code) and `{out}` (the file to write) in its arguments; a bare
//!   `espeak-ng` means `espeak-ng -v {lang} -w {out} --stdin`. It writes WAV, which is
//!   encoded to OGG/Opus with `ffmpeg` or `opusenc` when one is installed; without either,
//!   the WAV file is sent as an audio file (sendAudio) instead of a voice note.
//!
//! Synthesis happens only when the button is pressed, with a [`TIMEOUT`]; a failure gives
//! the member a polite toast. The result is sent once and its Telegram file id kept, so
//! each (text, language, voice) is synthesised once.

use std::fmt;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncWriteExt;

use crate::domain::Locale;

/// The longest a synthesis may take before the member is told it failed (under the time
/// Telegram gives a button press its answer).
pub const TIMEOUT: Duration = Duration::from_secs(10);
pub const DEFAULT_MODEL: &str = "tts-1";
pub const DEFAULT_VOICE: &str = "alloy";

/// Synthesised audio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audio {
    pub bytes: Vec<u8>,
    /// OGG/Opus (sent as a voice note); otherwise WAV (sent as an audio file).
    pub ogg: bool,
}

#[derive(Clone)]
enum Engine {
    Http { endpoint: url::Url, model: String, voice: String, api_key: Option<String> },
    Command { program: String, args: Vec<String> },
}

/// The configured engine. `Debug` never shows the API key.
#[derive(Clone)]
pub struct Speech {
    engine: Engine,
    http: reqwest::Client,
}

impl fmt::Debug for Speech {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.engine {
            Engine::Http { endpoint, model, voice, api_key } => f
                .debug_struct("Speech")
                .field("endpoint", &endpoint.as_str())
                .field("model", model)
                .field("voice", voice)
                .field("api_key", &api_key.as_ref().map(|_| "<redacted>"))
                .finish(),
            Engine::Command { program, args } => {
                f.debug_struct("Speech").field("program", program).field("args", args).finish()
            }
        }
    }
}

impl Speech {
    /// Reads `TTS_URL` (with `TTS_MODEL`, `TTS_VOICE`, `TTS_API_KEY`) or `TTS_COMMAND`.
    /// Off (`None`) when neither is set, or when `TTS_URL` is malformed (with a warning).
    pub fn from_env() -> Option<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`Self::from_env`] with the variables looked up by `get`.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let set = |name: &str| get(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let engine = if let Some(base) = set("TTS_URL") {
            let endpoint = match endpoint(&base) {
                Ok(url) => url,
                Err(e) => {
                    tracing::warn!("TTS_URL is not usable ({e}); speech synthesis stays off");
                    return None;
                }
            };
            Engine::Http {
                endpoint,
                model: set("TTS_MODEL").unwrap_or_else(|| DEFAULT_MODEL.into()),
                voice: set("TTS_VOICE").unwrap_or_else(|| DEFAULT_VOICE.into()),
                api_key: set("TTS_API_KEY"),
            }
        } else {
            let command = set("TTS_COMMAND")?;
            let mut words = command.split_whitespace().map(str::to_owned);
            let program = words.next()?;
            let mut args: Vec<String> = words.collect();
            if !args.iter().any(|a| a.contains("{out}")) {
                args = ["-v", "{lang}", "-w", "{out}", "--stdin"].map(str::to_owned).to_vec();
            }
            Engine::Command { program, args }
        };
        let http = reqwest::Client::builder().timeout(TIMEOUT).build().ok()?;
        Some(Self { engine, http })
    }

    /// The voice, as part of the cache key: another voice is another recording.
    pub fn voice(&self) -> String {
        match &self.engine {
            Engine::Http { model, voice, .. } => format!("{model}/{voice}"),
            Engine::Command { program, args } => format!("{program} {}", args.join(" ")),
        }
    }

    /// Synthesises `text` in `locale`, within [`TIMEOUT`]. The error is one line for the log.
    pub async fn synthesise(&self, text: &str, locale: Locale) -> Result<Audio, String> {
        match tokio::time::timeout(TIMEOUT, self.run(text, locale)).await {
            Ok(result) => result,
            Err(_) => Err(format!("no audio after {} s", TIMEOUT.as_secs())),
        }
    }

    async fn run(&self, text: &str, locale: Locale) -> Result<Audio, String> {
        match &self.engine {
            Engine::Http { endpoint, model, voice, api_key } => {
                let body = serde_json::json!({
                    "model": model, "voice": voice, "input": text, "response_format": "opus",
                });
                let mut request = self.http.post(endpoint.clone()).json(&body);
                if let Some(key) = api_key {
                    request = request.bearer_auth(key);
                }
                let response = request.send().await.map_err(|e| e.without_url().to_string())?;
                if !response.status().is_success() {
                    return Err(format!("HTTP {}", response.status()));
                }
                let bytes = response.bytes().await.map_err(|e| e.without_url().to_string())?.to_vec();
                Ok(Audio { ogg: bytes.starts_with(b"OggS"), bytes })
            }
            Engine::Command { program, args } => {
                let dir = TempDir::new().await.map_err(|e| e.to_string())?;
                let wav = dir.0.join("speech.wav");
                let wav_text = wav.display().to_string();
                let args: Vec<String> = args
                    .iter()
                    .map(|a| a.replace("{lang}", locale.code()).replace("{out}", &wav_text))
                    .collect();
                let mut child = tokio::process::Command::new(program)
                    .args(&args)
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .kill_on_drop(true)
                    .spawn()
                    .map_err(|e| format!("could not start {program}: {e}"))?;
                if let Some(mut stdin) = child.stdin.take() {
                    stdin.write_all(text.as_bytes()).await.map_err(|e| e.to_string())?;
                }
                let status = child.wait().await.map_err(|e| e.to_string())?;
                if !status.success() {
                    return Err(format!("{program} ended with {status}"));
                }
                let ogg = dir.0.join("speech.ogg");
                if encode_opus(&wav, &ogg).await {
                    let bytes = tokio::fs::read(&ogg).await.map_err(|e| e.to_string())?;
                    return Ok(Audio { bytes, ogg: true });
                }
                let bytes = tokio::fs::read(&wav).await.map_err(|e| e.to_string())?;
                if bytes.is_empty() {
                    return Err(format!("{program} wrote no audio"));
                }
                let ogg = bytes.starts_with(b"OggS");
                Ok(Audio { bytes, ogg })
            }
        }
    }
}

/// A directory of its own for one synthesis, removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    async fn new() -> std::io::Result<Self> {
        let name = format!("clusterbot-tts-{}-{}", std::process::id(), rand::random::<u64>());
        let path = std::env::temp_dir().join(name);
        tokio::fs::create_dir_all(&path).await?;
        Ok(Self(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Encodes WAV to OGG/Opus with ffmpeg or opusenc, whichever is installed; false if neither
/// is, or it failed.
async fn encode_opus(wav: &std::path::Path, ogg: &std::path::Path) -> bool {
    let (wav, ogg) = (wav.display().to_string(), ogg.display().to_string());
    let attempts: [(&str, Vec<&str>); 2] = [
        ("ffmpeg", vec!["-loglevel", "error", "-y", "-i", &wav, "-c:a", "libopus", "-b:a", "32k", &ogg]),
        ("opusenc", vec!["--quiet", &wav, &ogg]),
    ];
    for (program, args) in attempts {
        let ran = tokio::process::Command::new(program)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .status()
            .await;
        if ran.is_ok_and(|s| s.success()) {
            return true;
        }
    }
    false
}

/// `<base>/v1/audio/speech`, keeping any path prefix of the base.
fn endpoint(base: &str) -> Result<url::Url, String> {
    let mut url = url::Url::parse(base).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("the scheme must be http or https, not {}", url.scheme()));
    }
    let path = url.path().trim_end_matches('/').to_owned();
    if !path.ends_with("/v1/audio/speech") {
        url.set_path(&format!("{path}/v1/audio/speech"));
    }
    Ok(url)
}

/// What is read aloud of a message: its words, without pictograms and marks that engines
/// spell out.
pub fn speakable(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c.is_whitespace() || ".,;:!?'’-()«»\"؟،۔".contains(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictograms_are_not_read_aloud() {
        assert_eq!(
            speakable("🏠 Main menu: what would you like to do?"),
            "Main menu: what would you like to do?"
        );
        assert_eq!(speakable("✅ هل توافق؟\n🔢 2/5"), "هل توافق؟ 2 5");
    }

    #[test]
    fn a_bare_espeak_gets_its_arguments_and_a_url_gets_its_path() {
        let s = Speech::from_lookup(|n| (n == "TTS_COMMAND").then(|| "espeak-ng".to_owned())).unwrap();
        assert_eq!(s.voice(), "espeak-ng -v {lang} -w {out} --stdin");
        let s =
            Speech::from_lookup(|n| (n == "TTS_URL").then(|| "http://127.0.0.1:8880/".to_owned())).unwrap();
        assert!(format!("{s:?}").contains("http://127.0.0.1:8880/v1/audio/speech"), "{s:?}");
        assert!(Speech::from_lookup(|_| None).is_none());
        assert!(Speech::from_lookup(|n| (n == "TTS_URL").then(|| "ftp://x".to_owned())).is_none());
    }
}
