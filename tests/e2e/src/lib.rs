//! Harness for end-to-end tests of the real app binary.
//!
//! Each test gets: a fresh `kulna-central` (SQLite, its own data directory,
//! port 0), a `tauri-driver` on free ports in front of WebKitWebDriver, and a
//! fresh app data directory (`XDG_DATA_HOME`), so tests never share state.
//! Nothing is skipped: a missing binary, tool or display fails the test with
//! one sentence saying what to do.

#![allow(clippy::print_stdout)]

use anyhow::{anyhow, bail, Context, Result};
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

impl Drop for Central {
    fn drop(&mut self) {
        self.stop();
    }
}

const STAFF_USER: &str = "e2e-admin";
const STAFF_PASSWORD: &str = "e2e staff password, long enough";

impl Central {
    async fn staff_token(&self) -> Result<String> {
        tls_provider();
        let login: serde_json::Value = reqwest::Client::new()
            .post(format!("{}/v1/staff/login", self.url))
            .json(&serde_json::json!({ "username": STAFF_USER, "password": STAFF_PASSWORD }))
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

/// A `tauri-driver` serving the real app binary with its own data directory.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    port: u16,
    app: PathBuf,
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
        .env_remove("KULNA_SERVICE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
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
            data_home,
        })
    }

    /// Kills the app of this driver with SIGKILL, as the system or a dead
    /// battery would: no chance to save anything more. Finds it by its
    /// data directory, so other apps on the machine are untouched.
    pub fn kill_app(&self) -> Result<u32> {
        let wanted = format!("XDG_DATA_HOME={}", self.data_home.path().display());
        let mut killed = 0;
        for entry in std::fs::read_dir("/proc")?.flatten() {
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
            if exe.file_name() != self.app.file_name() {
                continue;
            }
            let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
            if environ.split(|b| *b == 0).any(|v| v == wanted.as_bytes()) {
                Command::new("kill")
                    .arg("-KILL")
                    .arg(pid.to_string())
                    .status()?;
                killed += 1;
            }
        }
        if killed == 0 {
            bail!(
                "no running app found for {}",
                self.data_home.path().display()
            );
        }
        Ok(killed)
    }

    /// Launches the app and opens a WebDriver session on its window.
    pub async fn launch(&self) -> Result<Client> {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": self.app }),
        );
        tls_provider();
        let client = ClientBuilder::rustls()
            .context("no TLS roots")?
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .context("cannot open a WebDriver session on the app")?;
        Ok(client)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        terminate(&mut self.child);
    }
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

/// Waits until `css`'s attribute `name` equals `value`.
pub async fn wait_attr(c: &Client, css: &str, name: &str, value: &str) -> Result<()> {
    eventually(
        &format!("{css}[{name}={value:?}]"),
        Duration::from_secs(15),
        || async { (attr(c, css, name).await.as_deref() == Some(value)).then_some(()) },
    )
    .await
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
