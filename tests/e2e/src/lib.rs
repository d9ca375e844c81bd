//! Harness for end-to-end tests of the real app binary.
//!
//! Each test gets: a fresh `kulna-central` (SQLite, its own data directory,
//! port 0), a `tauri-driver` on free ports in front of WebKitWebDriver, and a
//! fresh app data directory (`XDG_DATA_HOME`), so tests never share state.
//! Nothing is skipped: a missing binary, tool or display fails the test with
//! one sentence saying what to do.

#![allow(clippy::print_stdout)]

use anyhow::{anyhow, bail, Context, Result};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, ClientBuilder, Locator};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The workspace's target directory (honours `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
    }
}

/// Where screenshots are kept after a run.
pub fn artifacts_dir() -> Result<PathBuf> {
    let dir = target_dir().join("e2e-artifacts");
    std::fs::create_dir_all(&dir).context("cannot create target/e2e-artifacts")?;
    Ok(dir)
}

fn built_binary(name: &str, how: &str) -> Result<PathBuf> {
    let path = target_dir().join("debug").join(name);
    if !path.is_file() {
        bail!(
            "{} is missing: build it first with `{how}` (scripts/test.sh does this)",
            path.display()
        );
    }
    Ok(path)
}

fn on_path(tool: &str, install: &str) -> Result<()> {
    let found = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
        .unwrap_or(false);
    if !found {
        bail!("{tool} is not on PATH: {install} (scripts/setup.sh installs it)");
    }
    Ok(())
}

/// Two TLS stacks meet in this crate (WebDriver client and HTTP client):
/// name the crypto provider once so neither has to guess.
fn tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A free TCP port on loopback.
pub fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").context("no free port on loopback")?;
    Ok(l.local_addr()?.port())
}

fn terminate(child: &mut Child) {
    // SIGTERM, not SIGKILL: tauri-driver must stop WebKitWebDriver, which
    // otherwise keeps its port.
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A running `kulna-central` on loopback, stopped on drop.
#[derive(Debug)]
pub struct Central {
    child: Option<Child>,
    /// Its base URL, e.g. `http://127.0.0.1:41234`.
    pub url: String,
    bin: PathBuf,
    dir: tempfile::TempDir,
}

const PASSPHRASE: &str = "e2e operator passphrase";

fn serve(bin: &Path, dir: &Path, listen: &str) -> Result<(Child, String)> {
    let mut child = Command::new(bin)
        .args(["serve", "--listen", listen, "--data-dir"])
        .arg(dir)
        .env("KULNA_OPERATOR_PASSPHRASE", PASSPHRASE)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .context("cannot start kulna-central serve")?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| anyhow!("no stdout from kulna-central"))?;
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .context("kulna-central said nothing")?;
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .ok_or_else(|| anyhow!("unexpected first line from kulna-central: {line:?}"))?
        .to_owned();
    Ok((child, url))
}

impl Central {
    /// Initializes a fresh data directory and serves it on port 0.
    pub fn start() -> Result<Self> {
        let bin = built_binary("kulna-central", "cargo build -p kulna-central")?;
        let dir = tempfile::tempdir()?;
        let passphrase = PASSPHRASE;
        let init = Command::new(&bin)
            .args(["init", "--data-dir"])
            .arg(dir.path())
            .env("KULNA_OPERATOR_PASSPHRASE", passphrase)
            .output()
            .context("cannot run kulna-central init")?;
        if !init.status.success() {
            bail!(
                "kulna-central init failed: {}",
                String::from_utf8_lossy(&init.stderr)
            );
        }
        // A national administrator, to look at the queue as staff would.
        let staff = Command::new(&bin)
            .args([
                "staff",
                "add",
                "--username",
                STAFF_USER,
                "--role",
                "admin",
                "--data-dir",
            ])
            .arg(dir.path())
            .env("KULNA_OPERATOR_PASSPHRASE", passphrase)
            .env("KULNA_STAFF_PASSWORD", STAFF_PASSWORD)
            .stdin(Stdio::null())
            .output()
            .context("cannot run kulna-central staff add")?;
        if !staff.status.success() {
            bail!(
                "kulna-central staff add failed: {}",
                String::from_utf8_lossy(&staff.stderr)
            );
        }
        let (child, url) = serve(&bin, dir.path(), "127.0.0.1:0")?;
        Ok(Self {
            child: Some(child),
            url,
            bin,
            dir,
        })
    }
}

impl Central {
    /// Stops the service (SIGTERM), as an outage would.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            terminate(&mut child);
        }
    }

    /// Starts it again on the same address and data.
    pub fn start_again(&mut self) -> Result<()> {
        self.stop();
        let listen = self.url.trim_start_matches("http://").to_owned();
        let (child, url) = serve(&self.bin, self.dir.path(), &listen)?;
        if url != self.url {
            bail!("the service came back on {url}, not {}", self.url);
        }
        self.child = Some(child);
        Ok(())
    }
}

/// The directory shipped with the project (`central/data/directory.json`).
pub fn shipped_directory() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../central/data/directory.json")
}

impl Central {
    /// Imports a directory file (`.json` or `.csv`) and publishes it as the
    /// next signed version, as an administrator does with
    /// `kulna-central directory import FILE` then `directory publish`.
    /// Returns the published version.
    pub fn publish_directory(&self, file: &Path) -> Result<u64> {
        let run = |args: &[&std::ffi::OsStr]| -> Result<String> {
            let out = Command::new(&self.bin)
                .args(args)
                .arg("--data-dir")
                .arg(self.dir.path())
                .env("KULNA_OPERATOR_PASSPHRASE", PASSPHRASE)
                .stdin(Stdio::null())
                .output()
                .context("cannot run kulna-central directory")?;
            if !out.status.success() {
                bail!(
                    "kulna-central directory failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            // `say` writes to standard output or standard error: read both.
            Ok(format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        };
        run(&["directory".as_ref(), "import".as_ref(), file.as_os_str()])?;
        let said = run(&["directory".as_ref(), "publish".as_ref()])?;
        said.split_whitespace()
            .skip_while(|w| *w != "version")
            .nth(1)
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| anyhow!("no version in the publish answer: {said:?}"))
    }
}

impl Central {
    fn cli(&self, args: &[&str], password: Option<&str>) -> Result<()> {
        let mut cmd = Command::new(&self.bin);
        cmd.args(args)
            .arg("--data-dir")
            .arg(self.dir.path())
            .env("KULNA_OPERATOR_PASSPHRASE", PASSPHRASE)
            .stdin(Stdio::null());
        if let Some(p) = password {
            cmd.env("KULNA_STAFF_PASSWORD", p);
        }
        let out = cmd
            .output()
            .with_context(|| format!("cannot run kulna-central {}", args.join(" ")))?;
        if !out.status.success() {
            bail!(
                "kulna-central {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(())
    }

    /// Adds a women's center (`kulna-central center add`), while the
    /// service runs.
    pub fn add_center(&self, id: &str, name: &str, region: u8) -> Result<()> {
        self.cli(
            &[
                "center",
                "add",
                "--id",
                id,
                "--name",
                name,
                "--region",
                &region.to_string(),
            ],
            None,
        )
    }

    /// Adds a staff account (`kulna-central staff add`) with
    /// [`STAFF_TEST_PASSWORD`]: `role` is `listener`, `field_worker`,
    /// `supervisor` or `admin`; `scope` is `--region N` or `--center ID`
    /// (or nothing for national).
    pub fn add_staff(&self, username: &str, role: &str, scope: &[&str]) -> Result<()> {
        let mut args = vec!["staff", "add", "--username", username, "--role", role];
        args.extend_from_slice(scope);
        self.cli(&args, Some(STAFF_TEST_PASSWORD))
    }

    /// Disables an account, which ends its sessions (`kulna-central staff disable`).
    pub fn disable_staff(&self, username: &str) -> Result<()> {
        self.cli(&["staff", "disable", "--username", username], None)
    }

    /// Signs `username` in through the API; the session token.
    pub async fn login(&self, username: &str) -> Result<String> {
        self.login_with(username, STAFF_TEST_PASSWORD).await
    }

    async fn login_with(&self, username: &str, password: &str) -> Result<String> {
        tls_provider();
        let login: serde_json::Value = reqwest::Client::new()
            .post(format!("{}/v1/staff/login", self.url))
            .json(&serde_json::json!({ "username": username, "password": password }))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        login["token"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("no token in the login answer"))
    }

    /// `GET path` with a staff token: the HTTP status and the body.
    pub async fn get_as(&self, token: &str, path: &str) -> Result<(u16, serde_json::Value)> {
        tls_provider();
        let resp = reqwest::Client::new()
            .get(format!("{}{path}", self.url))
            .bearer_auth(token)
            .send()
            .await?;
        let status = resp.status().as_u16();
        Ok((status, resp.json().await.unwrap_or(serde_json::Value::Null)))
    }

    /// `POST path` with a staff token and a JSON body: the HTTP status.
    pub async fn post_as(&self, token: &str, path: &str, body: serde_json::Value) -> Result<u16> {
        tls_provider();
        let resp = reqwest::Client::new()
            .post(format!("{}{path}", self.url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await?;
        Ok(resp.status().as_u16())
    }
}

/// The password of the accounts [`Central::add_staff`] creates.
pub const STAFF_TEST_PASSWORD: &str = "e2e staff test password";

/// Signs in to the staff side of an app whose vault is open: the small
/// link at the foot of home, the form, and waits for the queue.
pub async fn staff_sign_in(c: &Client, username: &str) -> Result<()> {
    if attr(c, "#staff", "data-signed-in").await.is_none() {
        click(c, "#staff-entry").await?;
    }
    wait_attr(c, "#staff", "data-signed-in", "false").await?;
    type_into(c, "#staff-username", username).await?;
    type_into(c, "#staff-password", STAFF_TEST_PASSWORD).await?;
    click(c, "#staff-sign-in").await?;
    wait_attr(c, "#staff", "data-signed-in", "true").await?;
    wait_attr(c, "#staff-who", "data-username", username).await
}

/// Signs out of the staff side.
pub async fn staff_sign_out(c: &Client) -> Result<()> {
    click(c, "#staff-sign-out").await?;
    wait_attr(c, "#staff", "data-signed-in", "false").await
}

impl Drop for Central {
    fn drop(&mut self) {
        self.stop();
    }
}

const STAFF_USER: &str = "e2e-admin";
const STAFF_PASSWORD: &str = "e2e staff password, long enough";

impl Central {
    async fn staff_token(&self) -> Result<String> {
        self.login_with(STAFF_USER, STAFF_PASSWORD).await
    }

    /// The cases of one kind in the listeners' queue.
    pub async fn queued(
        &self,
        kind: kulna_model::RecordKind,
    ) -> Result<Vec<kulna_model::staff::QueueItem>> {
        Ok(self
            .queue()
            .await?
            .into_iter()
            .filter(|i| i.kind == kind)
            .collect())
    }

    /// The listeners' queue, as an administrator sees it.
    pub async fn queue(&self) -> Result<Vec<kulna_model::staff::QueueItem>> {
        let token = self.staff_token().await?;
        let queue: kulna_model::staff::QueueResponse = reqwest::Client::new()
            .get(format!("{}/v1/queue", self.url))
            .bearer_auth(token)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(queue.items)
    }

    /// One case, opened (and so decrypted and audited) by an administrator.
    pub async fn open_case(
        &self,
        id: &kulna_model::RecordId,
    ) -> Result<kulna_model::staff::CaseDetail> {
        let token = self.staff_token().await?;
        Ok(reqwest::Client::new()
            .get(format!("{}/v1/cases/{id}", self.url))
            .bearer_auth(token)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }

    /// A listener acknowledges a case, with a message for her device.
    pub async fn acknowledge(&self, id: &kulna_model::RecordId, message: &str) -> Result<()> {
        let token = self.staff_token().await?;
        reqwest::Client::new()
            .post(format!("{}/v1/cases/{id}/acknowledge", self.url))
            .bearer_auth(token)
            .json(&serde_json::json!({ "message": message }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    /// The service's sealing key (base64), as a field deployment pins it.
    pub async fn sealing_key(&self) -> Result<String> {
        tls_provider();
        let body: serde_json::Value = reqwest::get(format!("{}/v1/service-key", self.url))
            .await?
            .error_for_status()?
            .json()
            .await?;
        body["sealing_public_key"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("no sealing_public_key in /v1/service-key"))
    }
}

/// Where the stand-in `xdg-open` writes what it was asked to open.
const OPENED: &str = "opened.txt";

/// A directory holding an `xdg-open` that writes its argument down instead
/// of opening anything: tests see what the app handed over, and never start
/// a dialler or a browser on the machine.
fn fake_opener(data_home: &Path) -> Result<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let bin = data_home.join("bin");
    std::fs::create_dir_all(&bin)?;
    let script = bin.join("xdg-open");
    let log = data_home.join(OPENED);
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
    )?;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))?;
    Ok(bin)
}

/// How long the app may take to open a WebDriver session.
const LAUNCH_TIMEOUT: Duration = Duration::from_secs(120);

/// A `tauri-driver` serving the real app binary with its own data directory.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    port: u16,
    app: PathBuf,
    /// What tauri-driver, WebKitWebDriver and the app wrote to stdout and
    /// stderr (`driver-{test}-{port}.log` under target/e2e-artifacts).
    log: PathBuf,
    /// The app's data directory root (`XDG_DATA_HOME`).
    pub data_home: tempfile::TempDir,
}

impl Driver {
    /// Starts tauri-driver for the app, which will talk to `service_url`.
    pub async fn start(service_url: Option<&str>) -> Result<Self> {
        Self::start_with(service_url, &[]).await
    }

    /// Like [`Driver::start`], with extra environment for the app.
    pub async fn start_with(service_url: Option<&str>, env: &[(&str, &str)]) -> Result<Self> {
        if std::env::var_os("DISPLAY").is_none() {
            bail!("no DISPLAY: run under Xvfb (scripts/test.sh starts one)");
        }
        on_path(
            "tauri-driver",
            "cargo install --locked tauri-driver --version 2.1.0",
        )?;
        on_path("WebKitWebDriver", "apt-get install webkit2gtk-driver")?;
        let app = built_binary(
            "kulna-app",
            "cd src-ui && trunk build && cd .. && cargo build -p kulna-app --features custom-protocol",
        )?;
        let data_home = tempfile::tempdir()?;
        let bin = fake_opener(data_home.path())?;
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut dirs = vec![bin];
        dirs.extend(std::env::split_paths(&path));
        let path = std::env::join_paths(dirs)?;
        let port = free_port()?;
        let native_port = free_port()?;
        let mut cmd = Command::new("tauri-driver");
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("XDG_DATA_HOME", data_home.path())
        .env("PATH", path)
        .env_remove("KULNA_SERVICE_URL");
        // Kept, not thrown away: when the app dies under a test, its last
        // words are the only clue (see `Drop`).
        let test = std::thread::current()
            .name()
            .unwrap_or("test")
            .rsplit("::")
            .next()
            .unwrap_or("test")
            .to_owned();
        let log = artifacts_dir()?.join(format!("driver-{test}-{port}.log"));
        let out = std::fs::File::create(&log)
            .with_context(|| format!("cannot create {}", log.display()))?;
        cmd.stdout(out.try_clone()?).stderr(out);
        if let Some(url) = service_url {
            cmd.env("KULNA_SERVICE_URL", url);
        }
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = cmd.spawn().context("cannot start tauri-driver")?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                bail!("tauri-driver did not open port {port} within 20 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(Self {
            child,
            port,
            app,
            log,
            data_home,
        })
    }

    /// The addresses the app handed to another app (a call, a map, a
    /// message), in order: the desktop's `xdg-open` is replaced by one
    /// that only writes them down.
    pub fn opened(&self) -> Vec<String> {
        std::fs::read_to_string(self.data_home.path().join(OPENED))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Kills the app of this driver with SIGKILL, as the system or a dead
    /// battery would: no chance to save anything more. Finds it by its
    /// data directory, so other apps on the machine are untouched.
    pub fn kill_app(&self) -> Result<u32> {
        let name = self
            .app
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("kulna-app");
        self.kill(name)
    }

    /// Kills the process that runs the app's page (WebKit's web process),
    /// with SIGKILL, as a crash inside the web engine would end it.
    pub fn kill_page(&self) -> Result<u32> {
        self.kill("WebKitWebProcess")
    }

    /// The processes named `name` (their executable's file name) started
    /// for this driver's app: found by its data directory, which they
    /// inherit, so other apps on the machine are untouched.
    pub fn pids(&self, name: &str) -> Vec<u32> {
        let wanted = format!("XDG_DATA_HOME={}", self.data_home.path().display());
        let Ok(dir) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in dir.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(exe) = std::fs::read_link(entry.path().join("exe")) else {
                continue;
            };
            if exe.file_name().and_then(|n| n.to_str()) != Some(name) {
                continue;
            }
            let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
            if environ.split(|b| *b == 0).any(|v| v == wanted.as_bytes()) {
                found.push(pid);
            }
        }
        found
    }

    fn kill(&self, name: &str) -> Result<u32> {
        let pids = self.pids(name);
        if pids.is_empty() {
            bail!("no {name} found for {}", self.data_home.path().display());
        }
        for pid in &pids {
            Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status()?;
        }
        Ok(pids.len() as u32)
    }

    /// What the app and the drivers have written so far.
    pub fn log(&self) -> String {
        String::from_utf8_lossy(&std::fs::read(&self.log).unwrap_or_default()).into_owned()
    }

    /// Launches the app and opens a WebDriver session on its window. If the
    /// first-run screens show, keeps the default language (Arabic) and skips
    /// the rest, as a woman in a hurry would: tests start from home.
    pub async fn launch(&self) -> Result<Client> {
        let client = self.launch_first_run().await?;
        skip_first_run(&client).await?;
        Ok(client)
    }

    /// Launches the app and leaves whatever it opens on (first-run screens
    /// included).
    pub async fn launch_first_run(&self) -> Result<Client> {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": self.app }),
        );
        tls_provider();
        let url = format!("http://127.0.0.1:{}", self.port);
        // On a loaded machine a launch has been seen to hang for good: give
        // it two minutes, then start the app once more rather than hold the
        // whole run.
        for attempt in 1..=2 {
            let mut builder = ClientBuilder::rustls().context("no TLS roots")?;
            builder.capabilities(caps.clone());
            match tokio::time::timeout(LAUNCH_TIMEOUT, builder.connect(&url)).await {
                Ok(client) => {
                    return client.context("cannot open a WebDriver session on the app");
                }
                Err(_) if attempt == 1 => {
                    let _ = self.kill_app();
                }
                Err(_) => {}
            }
        }
        bail!("the app did not open within {LAUNCH_TIMEOUT:?}, twice")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        terminate(&mut self.child);
        // The test harness shows a test's output only when it fails: then
        // the end of what the app and the drivers said is in the report.
        let said = self.log();
        let lines: Vec<&str> = said.lines().collect();
        let tail = &lines[lines.len().saturating_sub(40)..];
        println!(
            "--- the last {} lines of {} ---",
            tail.len(),
            self.log.display()
        );
        for line in tail {
            println!("{line}");
        }
    }
}

/// If the app opened on its first-run screens, chooses Arabic (the default)
/// and skips to home. Returns whether they were shown.
pub async fn skip_first_run(c: &Client) -> Result<bool> {
    let waited = eventually(
        "the app's first screen (first run, home or the calculator)",
        Duration::from_secs(30),
        || async {
            if c.find(Locator::Css("#first-run")).await.is_ok() {
                Some(true)
            } else if c
                .find(Locator::Css("main[data-lock], .calc-page"))
                .await
                .is_ok()
            {
                Some(false)
            } else {
                None
            }
        },
    )
    .await;
    let first_run = match waited {
        Ok(v) => v,
        Err(e) => return Err(with_page(c, e, "first-screen").await),
    };
    if first_run {
        click(c, "#first-lang-ar").await?;
        click(c, "#first-run-skip").await?;
        c.wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css("main[data-lock]"))
            .await
            .context("home did not open after the first run was skipped")?;
    }
    Ok(first_run)
}

/// Polls `check` until it returns `Some`, or fails after `timeout` with
/// `what` in the message.
pub async fn eventually<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = check().await {
            return Ok(v);
        }
        if Instant::now() > deadline {
            bail!("timed out after {timeout:?} waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The value of an attribute of the first element matching `css`, if any.
pub async fn attr(c: &Client, css: &str, name: &str) -> Option<String> {
    c.find(Locator::Css(css))
        .await
        .ok()?
        .attr(name)
        .await
        .ok()?
}

/// The text of the first element matching `css`, if any.
pub async fn text(c: &Client, css: &str) -> Option<String> {
    c.find(Locator::Css(css)).await.ok()?.text().await.ok()
}

/// Waits until `css`'s attribute `name` equals `value`. On a timeout the
/// error says what the attribute was, and a screenshot of the page is kept
/// (`failed-….png` under target/e2e-artifacts).
pub async fn wait_attr(c: &Client, css: &str, name: &str, value: &str) -> Result<()> {
    let waited = eventually(
        &format!("{css}[{name}={value:?}]"),
        Duration::from_secs(15),
        || async { (attr(c, css, name).await.as_deref() == Some(value)).then_some(()) },
    )
    .await;
    if let Err(e) = waited {
        let found = attr(c, css, name).await;
        let e = e.context(format!("{css}[{name}] is {found:?}"));
        return Err(with_page(c, e, &format!("{css}-{name}")).await);
    }
    Ok(())
}

/// Adds to a failed wait what the page showed: a screenshot kept as
/// `failed-{name}.png` under target/e2e-artifacts, the page's address and
/// the start of its text.
pub async fn with_page(c: &Client, e: anyhow::Error, name: &str) -> anyhow::Error {
    let name: String = format!("failed-{name}")
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || ch == '-' {
                ch
            } else {
                '_'
            }
        })
        .collect();
    // A page that hangs must not hang the test: 20 s for all of it.
    let seen = tokio::time::timeout(Duration::from_secs(20), async {
        let shot = match screenshot(c, &name).await {
            Ok(path) => path.display().to_string(),
            Err(err) => format!("no screenshot ({err})"),
        };
        let url = c.current_url().await.map(|u| u.to_string());
        let text: String = body_text(c).await.chars().take(200).collect();
        format!("page {url:?}, text {text:?}, screenshot {shot}")
    })
    .await
    .unwrap_or_else(|_| "the page did not answer within 20 s".to_owned());
    e.context(seen)
}

/// Saves a screenshot under target/e2e-artifacts after the page has painted.
pub async fn screenshot(c: &Client, name: &str) -> Result<PathBuf> {
    // Two animation frames: the DOM change has been painted.
    c.execute_async(
        "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
        vec![],
    )
    .await?;
    let png = c.screenshot().await?;
    let path = artifacts_dir()?.join(format!("{name}.png"));
    std::fs::write(&path, png)?;
    println!("screenshot: {}", path.display());
    Ok(path)
}

/// Clicks the first element matching `css`. A reactive page may replace
/// the element between finding and clicking it (a status refresh re-renders
/// a card), so a failed click is retried on a fresh find for a few seconds.
pub async fn click(c: &Client, css: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let attempt = async { c.find(Locator::Css(css)).await?.click().await };
        match attempt.await {
            Ok(()) => return Ok(()),
            Err(e) if Instant::now() > deadline => {
                let e = anyhow::Error::from(e).context(format!("clicking {css}"));
                return Err(with_page(c, e, &format!("click-{css}")).await);
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Presses "send now". The sync card is drawn again whenever the sync
/// state changes (a problem line comes or goes, say when the service is
/// back and a retry gets through), which moves the button and what lies
/// below it: a pointer click aimed at where the button was can land on the
/// next one ("my cases"). So the button is pressed through the page,
/// wherever it is at that moment.
pub async fn send_now(c: &Client) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let pressed = c
            .execute(
                "const b = document.getElementById('send-now'); if (!b) { return false; } b.click(); return true;",
                vec![],
            )
            .await;
        match pressed {
            Ok(serde_json::Value::Bool(true)) => return Ok(()),
            other if Instant::now() > deadline => {
                let e = anyhow!("pressing #send-now: {other:?}");
                return Err(with_page(c, e, "send-now").await);
            }
            _ => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Ticks the checkbox matching `css`. A click toggles, so it is not safe
/// to repeat: a click the driver reports as failed may still have reached
/// the page. This reads the box first and clicks only while it is not
/// ticked, until the page says it is.
pub async fn tick(c: &Client, css: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let checked = async {
            let field = c.find(Locator::Css(css)).await?;
            field.prop("checked").await
        };
        match checked.await {
            Ok(Some(v)) if v == "true" => return Ok(()),
            Ok(_) => {
                // Not ticked (or not there yet): one click, then look again.
                let _ = async { c.find(Locator::Css(css)).await?.click().await }.await;
            }
            Err(_) => {}
        }
        if Instant::now() > deadline {
            bail!("{css} is still not ticked");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Replaces the text of the field matching `css` (retried on a fresh find,
/// like [`click`], if the page replaced the field meanwhile).
pub async fn type_into(c: &Client, css: &str, text: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let attempt = async {
            let field = c.find(Locator::Css(css)).await?;
            field.clear().await?;
            field.send_keys(text).await
        };
        match attempt.await {
            Ok(()) => return Ok(()),
            Err(e) if Instant::now() > deadline => {
                return Err(anyhow::Error::from(e).context(format!("typing into {css}")))
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Picks the option `value` of the `<select>` matching `select`.
pub async fn choose(c: &Client, select: &str, value: &str) -> Result<()> {
    click(c, &format!("{select} option[value='{value}']")).await
}

/// An attribute of the page's root element (`<html lang dir …>`).
pub async fn root_attr(c: &Client, name: &str) -> Option<String> {
    c.execute(
        "return document.documentElement.getAttribute(arguments[0])",
        vec![name.into()],
    )
    .await
    .ok()?
    .as_str()
    .map(str::to_owned)
}

/// Everything the page shows as text.
pub async fn body_text(c: &Client) -> String {
    c.execute("return document.body.innerText", vec![])
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Presses the panic button with the mouse for `hold`, then releases. The
/// page may still be settling (a status refresh moves things), so the
/// button is brought into view first and one failed attempt is retried.
pub async fn hold_panic(c: &Client, hold: Duration) -> Result<()> {
    let mut last = None;
    for _ in 0..2 {
        c.execute(
            "document.getElementById('panic-button').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let button = c.find(Locator::Css("#panic-button")).await?;
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: button,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Pause { duration: hold })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        let outcome = c.perform_actions(actions).await;
        c.release_actions().await?;
        match outcome {
            Ok(()) => return Ok(()),
            Err(e) => last = Some(e),
        }
    }
    Err(last
        .map(anyhow::Error::from)
        .unwrap_or_else(|| anyhow!("the panic button could not be held")))
}

/// First run: chooses `pin` and waits until the vault is open.
pub async fn set_first_pin(c: &Client, pin: &str) -> Result<()> {
    wait_attr(c, "main", "data-lock", "not_set_up").await?;
    type_into(c, "#pin-new", pin).await?;
    type_into(c, "#pin-again", pin).await?;
    click(c, "#pin-save").await?;
    wait_attr(c, "main", "data-lock", "unlocked").await
}

/// Locks the app, then opens it with `pin`.
pub async fn lock_and_unlock(c: &Client, pin: &str) -> Result<()> {
    lock(c).await?;
    unlock(c, pin).await
}

/// Opens the locked app (once it shows as locked) with `pin`.
pub async fn unlock(c: &Client, pin: &str) -> Result<()> {
    wait_attr(c, "main", "data-lock", "locked").await?;
    type_into(c, "#pin-unlock", pin).await?;
    click(c, "#unlock-button").await?;
    wait_attr(c, "main", "data-lock", "unlocked").await
}

/// Opens one of her screens reached from home (`cases`, `safety`,
/// `settings`), going home first if another one is open.
pub async fn show(c: &Client, screen: &str) -> Result<()> {
    let wanted = format!("#screen-{screen}");
    if c.find(Locator::Css(&wanted)).await.is_ok() {
        return Ok(());
    }
    go_home(c).await?;
    click(c, &format!("#nav-{screen}")).await?;
    c.wait().for_element(Locator::Css(&wanted)).await?;
    Ok(())
}

/// Back to home from any of her other screens (nothing when already there).
pub async fn go_home(c: &Client) -> Result<()> {
    if c.find(Locator::Css("#screen-back")).await.is_ok() {
        click(c, "#screen-back").await?;
    }
    c.wait().for_element(Locator::Css("#nav-settings")).await?;
    Ok(())
}

/// Locks the app with "lock now" on the safety screen; home then asks for
/// the PIN.
pub async fn lock(c: &Client) -> Result<()> {
    show(c, "safety").await?;
    click(c, "#lock-button").await?;
    wait_attr(c, "main", "data-lock", "locked").await
}

/// Whether any file under `root` contains `needle` (the clear text of
/// something that must only be stored encrypted, or erased).
pub fn files_contain(root: &Path, needle: &[u8]) -> bool {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .map(|b| b.windows(needle.len()).any(|w| w == needle))
                .unwrap_or(false)
            {
                return true;
            }
        }
    }
    false
}

/// A fresh service, and the real app talking to it with the service's key
/// pinned (as a field deployment does), on its first screen.
pub async fn app_with_service() -> Result<(Central, Driver, Client)> {
    let central = Central::start()?;
    let key = central.sealing_key().await?;
    let driver = Driver::start_with(Some(&central.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let client = driver.launch().await?;
    Ok((central, driver, client))
}

/// How many pixels of the X display (the Xvfb the tests run under) are
/// exactly each of `colours` (`0xRRGGBB`), from one grab of the screen:
/// what the window really shows, for the moments when no WebDriver
/// session can see the page.
pub fn pixels_of_colours(colours: &[u32]) -> Result<Vec<usize>> {
    use x11rb::connection::Connection as _;
    use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat};
    let (conn, screen) = x11rb::connect(None).context("cannot connect to the X display")?;
    let root = conn
        .setup()
        .roots
        .get(screen)
        .ok_or_else(|| anyhow!("the X display has no screen {screen}"))?;
    let (width, height, window) = (root.width_in_pixels, root.height_in_pixels, root.root);
    let image = conn
        .get_image(ImageFormat::Z_PIXMAP, window, 0, 0, width, height, !0)?
        .reply()
        .context("the X display gave no image")?;
    if image.depth != 24 || image.data.len() != usize::from(width) * usize::from(height) * 4 {
        bail!(
            "unexpected X image: depth {}, {} bytes for {width}×{height}",
            image.depth,
            image.data.len()
        );
    }
    let mut counts = vec![0; colours.len()];
    // 32 bits a pixel, blue first.
    for p in image.data.chunks_exact(4) {
        let rgb = u32::from_be_bytes([0, p[2], p[1], p[0]]);
        for (count, colour) in counts.iter_mut().zip(colours) {
            if rgb == *colour {
                *count += 1;
            }
        }
    }
    Ok(counts)
}
