//! `clusterbot sandbox` in a real browser: Debian's chromium, headless, driven by
//! chromedriver over the W3C WebDriver protocol (spoken here with reqwest). A newcomer joins
//! as a producer from an invite link on the page, the CDA launches the shipped diagnostic
//! with buttons, the producer answers it by clicking and typing, and the answer is in the
//! CDA's export; an Arabic-speaking producer's chat is laid out right to left; a refused
//! form's problems are listed by row and column and a good one is answered in French; the
//! time control moves the clock. Screenshots of the main screens are taken on every run
//! (into the target directory; `UPDATE_SCREENSHOTS=1` writes them to docs/ instead).
//!
//! Chromium and chromium-driver are required (`.ci/run` installs them): without them these
//! tests fail, they never skip.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::e2e::BIN;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
const WAIT: Duration = Duration::from_secs(40);

/// A child process killed when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn find_program(names: &[&str]) -> PathBuf {
    for name in names {
        for dir in
            std::env::var("PATH").unwrap_or_default().split(':').chain(["/usr/bin", "/usr/lib/chromium"])
        {
            let p = Path::new(dir).join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!(
        "{} not found: the sandbox's browser tests need Debian's chromium and chromium-driver \
         (apt-get install -y chromium chromium-driver; .ci/run installs them)",
        names.join(" / ")
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts `clusterbot sandbox` and returns it with the page's base URL (from its one line
/// on stdout).
fn start_sandbox(dir: &Path, extra: &[&str]) -> (Killed, String) {
    let db = format!("sqlite://{}", dir.join("sandbox.db").display());
    let data = dir.join("data");
    let mut cmd = Command::new(BIN);
    cmd.args(["sandbox", "--listen", "127.0.0.1:0", "--database-url", &db, "--data-dir"])
        .arg(&data)
        .args(extra)
        .current_dir(dir)
        .env("RUST_LOG", "info,sqlx=warn")
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(dir.join("sandbox.log")).unwrap());
    let mut child = cmd.spawn().expect("start clusterbot sandbox");
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .trim()
        .strip_prefix("clusterbot sandbox: open ")
        .unwrap_or_else(|| {
            panic!(
                "unexpected first line {line:?}; log: {}",
                std::fs::read_to_string(dir.join("sandbox.log")).unwrap_or_default()
            )
        })
        .to_owned();
    (Killed(child), url)
}

/// A headless chromium session, phone-sized.
struct Browser {
    http: reqwest::Client,
    session: String,
    _driver: Killed,
}

impl Drop for Browser {
    /// Ends the session even when a test fails, so chromedriver closes chromium (killing
    /// chromedriver alone would leave chromium running).
    fn drop(&mut self) {
        use std::io::{Read, Write};
        let Some(rest) = self.session.strip_prefix("http://") else { return };
        let Some((host, path)) = rest.split_once('/') else { return };
        if let Ok(mut s) = std::net::TcpStream::connect(host) {
            let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = write!(s, "DELETE /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
            let _ = s.read_to_end(&mut Vec::new());
        }
    }
}

impl Browser {
    async fn start() -> Self {
        let chromium = find_program(&["chromium", "chromium-browser"]);
        let driver = find_program(&["chromedriver", "chromium-driver"]);
        let port = free_port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Killed(child);
        let http = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        loop {
            if let Ok(r) = http.get(format!("{base}/status")).send().await
                && let Ok(v) = r.json::<Value>().await
                && v["value"]["ready"] == json!(true)
            {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=412,860", "--lang=en-US", "--no-first-run"],
            }
        }}});
        let r: Value =
            http.post(format!("{base}/session")).json(&caps).send().await.unwrap().json().await.unwrap();
        let session = r["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("chromedriver gave no session: {r}"))
            .to_owned();
        Self { http, session: format!("{base}/session/{session}"), _driver: driver }
    }

    async fn cmd(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.session);
        let mut req = self.http.request(method, &url);
        if !body.is_null() {
            req = req.json(&body);
        }
        let r: Value = req.send().await.unwrap().json().await.unwrap();
        r["value"].clone()
    }

    async fn goto(&self, url: &str) {
        self.cmd(reqwest::Method::POST, "/url", json!({"url": url})).await;
    }

    async fn run(&self, script: &str, args: Value) -> Value {
        self.cmd(reqwest::Method::POST, "/execute/sync", json!({"script": script, "args": args})).await
    }

    /// Elements matching an XPath expression.
    async fn all(&self, xpath: &str) -> Vec<String> {
        let v = self.cmd(reqwest::Method::POST, "/elements", json!({"using": "xpath", "value": xpath})).await;
        v.as_array().into_iter().flatten().filter_map(|e| e[ELEMENT].as_str().map(str::to_owned)).collect()
    }

    /// Waits for the last element matching `xpath`.
    async fn wait(&self, xpath: &str) -> String {
        let started = Instant::now();
        loop {
            if let Some(e) = self.all(xpath).await.pop() {
                return e;
            }
            if started.elapsed() > WAIT {
                let text = self.run("return document.body.innerText", json!([])).await;
                panic!(
                    "nothing matches {xpath} after {WAIT:?}; the page shows:\n{}",
                    text.as_str().unwrap_or("")
                );
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    async fn click(&self, element: &str) {
        let v = self.cmd(reqwest::Method::POST, &format!("/element/{element}/click"), json!({})).await;
        assert!(v.is_null(), "click failed: {v}");
    }

    async fn text_of(&self, element: &str) -> String {
        self.cmd(reqwest::Method::GET, &format!("/element/{element}/text"), Value::Null)
            .await
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    async fn type_into(&self, element: &str, text: &str) {
        let v = self
            .cmd(reqwest::Method::POST, &format!("/element/{element}/value"), json!({"text": text}))
            .await;
        assert!(v.is_null(), "typing failed: {v}");
    }

    /// Types into the chat's message field and sends.
    async fn say(&self, text: &str) {
        let input = self.wait("//input[@id='text']").await;
        self.type_into(&input, text).await;
        self.click(&self.wait("//button[@id='send']").await).await;
    }

    /// How many bubbles the bot has sent in the open chat.
    async fn bot_bubbles(&self) -> usize {
        self.all("//div[contains(@class,'msg bot')]").await.len()
    }

    /// Waits for the bot's next bubble (after `seen` of them) whose text contains `text`, and returns it.
    async fn bot_says(&self, seen: usize, text: &str) -> String {
        let xpath = format!(
            "//div[contains(@class,'msg bot')][position() > {seen}][contains(., {})]",
            xpath_literal(text)
        );
        self.wait(&xpath).await
    }

    /// Taps the inline button whose label contains `label` on the bot's latest bubble that has it.
    async fn tap(&self, label: &str) {
        let xpath =
            format!("//div[contains(@class,'msg bot')]//button[contains(., {})]", xpath_literal(label));
        let b = self.wait(&xpath).await;
        self.click(&b).await;
    }

    async fn screenshot(&self, name: &str) {
        let b64 = self.cmd(reqwest::Method::GET, "/screenshot", Value::Null).await;
        let png = base64_decode(b64.as_str().expect("a screenshot"));
        assert!(png.starts_with(b"\x89PNG"), "screenshots are PNG");
        // docs/ only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
        let dir = if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
        } else {
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("sandbox-screenshots")
        };
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), png).unwrap();
    }
}

fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') { format!("'{s}'") } else { format!("\"{s}\"") }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut buf, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        };
        buf = (buf << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
        }
    }
    out
}

/// Answers the open questionnaire to the end, the way a producer would: a number typed, the
/// optional date skipped, the first choice of each question tapped (✔️ Done after a
/// multi-select), the free text typed.
async fn answer_diagnostic(b: &Browser, workers: &str, wish: &str) {
    let started = Instant::now();
    let mut handled = String::new();
    let nav = ["Skip", "Back", "Repeat", "Today", "Yesterday", "Done", "Other"];
    loop {
        assert!(started.elapsed() < Duration::from_secs(240), "the questionnaire did not end");
        let last = b
            .run(
                "const m = [...document.querySelectorAll('.msg.bot')].pop(); \
                 return m ? [m.dataset.message, m.innerText, [...m.querySelectorAll('button')].map(b => b.innerText)] : null",
                json!([]),
            )
            .await;
        let id = last[0].as_str().unwrap_or("").to_owned();
        let text = last[1].as_str().unwrap_or("").to_owned();
        let buttons: Vec<String> =
            last[2].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect();
        if text.contains("Thank you! Your answers") {
            return;
        }
        let actionable =
            text.contains("🟩") || buttons.iter().any(|l| l.contains("Next") || l.contains("OK"));
        if id == handled || !actionable {
            tokio::time::sleep(Duration::from_millis(200)).await;
            continue;
        }
        handled = id.clone();
        let on = format!("//div[@id='m{id}']");
        let choices: Vec<&String> = buttons.iter().filter(|l| !nav.iter().any(|n| l.contains(n))).collect();
        if text.contains("Type a number") {
            b.say(workers).await;
        } else if text.contains("Type a date") {
            b.click(&b.wait(&format!("{on}//button[contains(., 'Skip')]")).await).await;
        } else if text.contains("Tap every answer") {
            b.click(&b.wait(&format!("({on}//button)[1]")).await).await;
            // The tick shows on the same message; then Done.
            b.wait(&format!("{on}//button[contains(., '✅')]")).await;
            b.click(&b.wait(&format!("{on}//button[contains(., 'Done')]")).await).await;
        } else if !choices.is_empty() {
            b.click(&b.wait(&format!("({on}//button)[1]")).await).await;
        } else if text.contains("Type your answer") {
            b.say(wish).await;
        } else {
            panic!("cannot answer {text:?} with {buttons:?}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_a_producer_joins_answers_the_diagnostic_and_the_cda_exports_it_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let (_sandbox, base) = start_sandbox(dir.path(), &[]);
    let b = Browser::start().await;

    // The people and the invite links.
    b.goto(&base).await;
    b.wait("//a[contains(@class,'person')][contains(., 'Sarah Miller')]").await;
    b.wait("//code[contains(., 'https://t.me/clusterbot_sandbox_bot?start=')]").await;
    b.screenshot("sandbox-people.png").await;

    // A newcomer opens the women's cooperative's producer invite.
    let invite = "//form[contains(@class,'invite')][contains(., \"women's cooperative\")]";
    let name = b.wait(&format!("{invite}//input[@name='name']")).await;
    b.type_into(&name, "Hind Gharbi").await;
    b.click(&b.wait(&format!("{invite}//button")).await).await;
    b.bot_says(0, "Choose your language").await;
    b.tap("English").await;
    b.bot_says(0, "I keep your name").await;
    b.tap("I agree").await;
    b.bot_says(0, "What is your name?").await;
    b.tap("Hind Gharbi").await;
    b.bot_says(0, "Are you a woman or a man?").await;
    b.tap("Woman").await;
    b.bot_says(0, "You are now a member of Djebba figs").await;
    b.screenshot("sandbox-joining.png").await;
    let hind_chat = b.run("return location.pathname", json!([])).await.as_str().unwrap().to_owned();
    // The command menu, as Telegram shows it after joining.
    b.click(&b.wait("//button[@id='menu-button']").await).await;
    b.wait("//div[@id='menu']//button[contains(., '/forms')]").await;
    b.click(&b.wait("//button[@id='menu-button']").await).await;

    // The CDA launches the diagnostic to the producers, with buttons from her menu.
    b.goto(&format!("{base}chat/700000105")).await;
    let seen = b.bot_bubbles().await;
    b.click(&b.wait("//button[@id='menu-button']").await).await;
    b.click(&b.wait("//div[@id='menu']//button[contains(., '/launch')]").await).await;
    b.bot_says(seen, "Which questionnaire?").await;
    b.tap("Cluster diagnostic").await;
    b.bot_says(seen, "Who should answer?").await;
    b.tap("Producers").await;
    b.bot_says(seen, "Answer within").await;
    b.tap("No deadline").await;
    b.bot_says(seen, "Launched").await;

    // The newcomer gets it and answers by clicking.
    b.goto(&format!("{}{}", base.trim_end_matches('/'), hind_chat)).await;
    b.bot_says(0, "New questionnaire").await;
    b.tap("Start").await;
    b.bot_says(0, "Here are a few short questions").await;
    b.tap("Next").await;
    b.bot_says(0, "🟩⬜").await;
    b.screenshot("sandbox-questionnaire.png").await;
    let wish = "A shared solar dryer for the cooperative";
    answer_diagnostic(&b, "12", wish).await;

    // The CDA exports the answers as CSV and downloads the file.
    b.goto(&format!("{base}chat/700000105")).await;
    let seen = b.bot_bubbles().await;
    b.say("/export").await;
    b.bot_says(seen, "Which data?").await;
    b.tap("Questionnaire answers").await;
    let next = b.wait(&format!("//div[contains(@class,'msg bot')][position() > {}][contains(., 'Which file?') or contains(., 'Which questionnaire')]", seen + 1)).await;
    if b.text_of(&next).await.contains("Which questionnaire") {
        b.tap("Cluster diagnostic").await;
        b.bot_says(seen, "Which file?").await;
    }
    b.tap("CSV").await;
    let link = b
        .wait("//div[contains(@class,'msg bot')]//a[contains(@class,'document')][contains(., '.csv')]")
        .await;
    let href = b.cmd(reqwest::Method::GET, &format!("/element/{link}/property/href"), Value::Null).await;
    let csv = reqwest::get(href.as_str().unwrap()).await.unwrap().text().await.unwrap();
    let row = csv
        .lines()
        .find(|l| l.contains("Hind Gharbi"))
        .unwrap_or_else(|| panic!("Hind is not in the export:\n{csv}"));
    assert!(row.contains(wish), "her free-text answer is exported: {row}");
    assert!(
        row.split([',', ';']).any(|cell| cell.trim_matches('"') == "12"),
        "her 12 workers are exported: {row}"
    );
    b.screenshot("sandbox-cda-export.png").await;

    // Amira reads Arabic: her chat and the bot's bubbles are laid out right to left.
    b.goto(&format!("{base}chat/700000101")).await;
    let bubble = b.bot_says(0, "استبيان").await;
    let dir = b
        .run(
            "return [document.documentElement.dir, getComputedStyle(arguments[0].querySelector('.bubble')).direction]",
            json!([{ELEMENT: bubble}]),
        )
        .await;
    assert_eq!(dir, json!(["rtl", "rtl"]), "Arabic is right to left");
    let seen = b.bot_bubbles().await;
    b.tap("ابدأ").await;
    b.bot_says(seen, "").await;
    b.screenshot("sandbox-arabic.png").await;

    // ⏩ time: a week later (then hour by hour until it is daytime in Tunis), the leader of
    // the women's cooperative is asked how the festival stand is going, in French.
    b.goto(&format!("{base}chat/700000102")).await;
    // First she answers the Commission's invitation: 👍, and the invitation shows her answer.
    b.bot_says(0, "Invitation").await;
    b.tap("Je viens").await;
    b.wait("//div[contains(@class,'msg bot')][contains(., 'Invitation')]//small[contains(@class,'edited')]")
        .await;
    b.click(&b.wait("//details[@id='time']/summary").await).await;
    b.click(&b.wait("//button[@data-advance='168']").await).await;
    b.wait("//span[@id='clock'][contains(., '168 h ahead')]").await;
    let checkin = "//div[contains(@class,'msg bot')][contains(., 'Où en est l’action Stand au festival')]";
    let started = Instant::now();
    while b.all(checkin).await.is_empty() {
        assert!(started.elapsed() < Duration::from_secs(120), "no check-in came after a week");
        b.click(&b.wait("//button[@data-advance='1']").await).await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
    }
    b.click(&b.wait("//details[@id='time']/summary").await).await;
    let seen = b.bot_bubbles().await;
    b.tap("En bonne voie").await;
    b.bot_says(seen, "").await;
    b.screenshot("sandbox-checkin.png").await;

    // Every Bot API call the bot made in all of this was one the emulator serves.
    b.goto(&base).await;
    b.wait("//h1").await;
    assert!(b.all("//section[@id='refused']").await.is_empty(), "the emulator refused calls of the bot");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_form_preview_lists_problems_by_row_and_column_then_a_good_form_is_answered_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/forms/media_question_types.xlsx");
    let (_sandbox, base) = start_sandbox(dir.path(), &["--form", broken.to_str().unwrap()]);
    assert!(base.ends_with("/preview/refused"), "--form opens the preview: {base}");
    let b = Browser::start().await;
    b.goto(&base).await;
    b.wait("//p[contains(@class,'refused')]").await;
    let rows = b.all("//table[contains(@class,'problems')]/tbody/tr").await;
    assert!(!rows.is_empty(), "each problem is a row");
    let first = b.text_of(&rows[0]).await;
    assert!(
        first.contains("survey")
            && first.contains(" 4 ")
            && first.contains("A (type)")
            && first.contains("'video'"),
        "sheet, row, column and problem: {first}"
    );
    b.screenshot("sandbox-form-refused.png").await;

    // A good form, chosen on the page, answered as a member in French.
    b.goto(&base.replace("/preview/refused", "/")).await;
    let input = b.wait("//input[@id='form-file']").await;
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("forms/cluster_diagnostic.xlsx");
    b.type_into(&input, good.to_str().unwrap()).await;
    b.wait("//p[contains(@class,'ready')]").await;
    b.click(&b.wait("//button[@data-lang='fr']").await).await;
    b.bot_says(0, "Nouveau questionnaire").await;
    b.tap("Commencer").await;
    b.bot_says(1, "Bonjour").await;
    b.tap("Suivant").await;
    b.bot_says(1, "🟩⬜").await;
}

#[test]
fn sandbox_never_uses_production_database_url() {
    let dir = tempfile::tempdir().unwrap();
    let prod = dir.path().join("production.db");
    let mut child = Killed(
        Command::new(BIN)
            .args(["sandbox", "--listen", "127.0.0.1:0"])
            .current_dir(dir.path())
            .env("DATABASE_URL", format!("sqlite://{}", prod.display()))
            .env_remove("DATA_DIR")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert!(line.starts_with("clusterbot sandbox: open http://127.0.0.1:"), "{line}");
    assert!(dir.path().join("clusterbot-sandbox.db").exists(), "the sandbox has its own file");
    assert!(!prod.exists(), "DATABASE_URL is not touched");
}

#[test]
fn sandbox_refuses_a_database_that_holds_real_clusters() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("real.db").display());
    let made = Command::new(BIN)
        .args(["cluster", "add", "--name", "Sialkot surgical instruments", "--timezone", "Asia/Karachi"])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let out = Command::new(BIN)
        .args(["sandbox", "--listen", "127.0.0.1:0", "--database-url", &url])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("already holds 1 cluster(s) that the sandbox did not make"),
        "one clear line: {stderr}"
    );
    let listed = Command::new(BIN).args(["cluster", "list"]).env("DATABASE_URL", &url).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().count(), 2, "nothing was added");
}
