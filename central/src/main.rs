//! `kulna-central`: the central service and its administration commands.

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use kulna_central::config::Config;
use kulna_central::InitOutcome;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "kulna-central",
    version,
    about = "The central service of Kulna Ma'ak"
)]
struct Cli {
    /// A TOML configuration file (values from KULNA_* variables override it).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Where the SQLite database lives.
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// A file whose first line is the operator passphrase (else KULNA_OPERATOR_PASSPHRASE).
    #[arg(long, global = true)]
    passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the database and the service keys (does nothing if they exist).
    Init,
    /// Serve the API.
    Serve {
        /// Address to listen on (port 0: any free port).
        #[arg(long)]
        listen: Option<String>,
    },
    /// Staff accounts.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Women's centers (the scope of field workers).
    #[command(subcommand)]
    Center(CenterCommand),
    /// The directory of opportunities and services.
    #[command(subcommand)]
    Directory(DirectoryCommand),
    /// Print the anonymous statistics (consented records only, small cells suppressed).
    Stats,
}

#[derive(Debug, Subcommand)]
enum DirectoryCommand {
    /// Replace the draft with a CSV or JSON file (checked first; nothing
    /// changes when a line is wrong).
    Import {
        /// The file (`.csv` or `.json`).
        file: PathBuf,
    },
    /// Publish the draft as the next signed version.
    Publish,
}

#[derive(Debug, Subcommand)]
enum StaffCommand {
    /// Add an account. The password is read from --password-file, or
    /// KULNA_STAFF_PASSWORD, or the first line of standard input.
    Add {
        /// Sign-in name.
        #[arg(long)]
        username: String,
        /// listener, field_worker, supervisor or admin.
        #[arg(long)]
        role: String,
        /// Scope: a region (1 to 12).
        #[arg(long)]
        region: Option<u8>,
        /// Scope: a center id.
        #[arg(long)]
        center: Option<String>,
        /// A file whose first line is the password.
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Disable an account and end its sessions.
    Disable {
        /// Sign-in name.
        #[arg(long)]
        username: String,
    },
    /// Set a new password (read like `add`) and end the account's sessions.
    ResetPassword {
        /// Sign-in name.
        #[arg(long)]
        username: String,
        /// A file whose first line is the password.
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum CenterCommand {
    /// Add or rename a center.
    Add {
        /// Short id, e.g. `casa-anfa`.
        #[arg(long)]
        id: String,
        /// Its name.
        #[arg(long)]
        name: String,
        /// Its region (1 to 12).
        #[arg(long)]
        region: u8,
    },
}

fn read_password(file: Option<&std::path::Path>) -> anyhow::Result<secrecy::SecretString> {
    let text = if let Some(f) = file {
        std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?
    } else if let Ok(p) = std::env::var("KULNA_STAFF_PASSWORD") {
        p
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        line
    };
    let line = text
        .lines()
        .next()
        .unwrap_or("")
        .trim_end_matches('\r')
        .to_owned();
    Ok(secrecy::SecretString::from(line))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_env("KULNA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        let mut config = Config::load(cli.config.as_deref())?;
        if let Some(dir) = cli.data_dir {
            config.data_dir = dir;
        }
        if let Some(file) = cli.passphrase_file {
            config.passphrase_file = Some(file);
        }
        let json = config.log_format == "json";
        let builder = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_writer(std::io::stderr);
        if json {
            builder.json().init();
        } else {
            builder.init();
        }
        run(cli.command, config).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn say(line: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}

async fn run(command: Command, mut config: Config) -> anyhow::Result<()> {
    match command {
        Command::Staff(cmd) => {
            let store = kulna_central::open_store(&config).await?;
            let memory = config.password_memory_kib;
            match cmd {
                StaffCommand::Add {
                    username,
                    role,
                    region,
                    center,
                    password_file,
                } => {
                    let role = kulna_model::staff::Role::parse(&role)
                        .context("role must be listener, field_worker, supervisor or admin")?;
                    let password = read_password(password_file.as_deref())?;
                    let new = kulna_central::staff::NewStaff {
                        username,
                        role,
                        region,
                        center,
                        password,
                    };
                    let rec = kulna_central::staff::add_staff(&store, new, memory).await?;
                    say(&format!("added {} ({})", rec.username, rec.role.as_str()))
                }
                StaffCommand::Disable { username } => {
                    if !store.update_staff(&username, Some(true), None).await? {
                        anyhow::bail!("no account `{username}`");
                    }
                    say(&format!("disabled {username}; its sessions are ended"))
                }
                StaffCommand::ResetPassword {
                    username,
                    password_file,
                } => {
                    let password = read_password(password_file.as_deref())?;
                    kulna_central::staff::check_new_password(&password)
                        .map_err(|e| anyhow::anyhow!(e))?;
                    let hash = tokio::task::spawn_blocking(move || {
                        kulna_central::staff::hash_password(&password, memory)
                    })
                    .await??;
                    if !store.update_staff(&username, None, Some(hash)).await? {
                        anyhow::bail!("no account `{username}`");
                    }
                    say(&format!(
                        "new password set for {username}; its sessions are ended"
                    ))
                }
            }
        }
        Command::Directory(DirectoryCommand::Import { file }) => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let csv = file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            let store = kulna_central::open_store(&config).await?;
            match kulna_central::directory::import(&store, &text, csv).await {
                Ok(n) => say(&format!(
                    "draft replaced: {n} entries; publish with `kulna-central directory publish`"
                )),
                Err(problems) => {
                    for p in &problems {
                        eprintln!("{}: {p}", file.display());
                    }
                    anyhow::bail!(
                        "{} problem(s) in {}; nothing was imported",
                        problems.len(),
                        file.display()
                    )
                }
            }
        }
        Command::Directory(DirectoryCommand::Publish) => {
            let passphrase = config.passphrase()?;
            let store = kulna_central::open_store(&config).await?;
            let keys = kulna_central::open_keys(&store, passphrase).await?;
            let v = kulna_central::directory::publish(&store, &keys).await?;
            say(&format!("published directory version {v}"))
        }
        Command::Stats => {
            let passphrase = config.passphrase()?;
            let store = kulna_central::open_store(&config).await?;
            let keys = kulna_central::open_keys(&store, passphrase).await?;
            let stats =
                kulna_central::stats::compute(&store, &keys, &kulna_model::staff::Scope::National)
                    .await?;
            say("region\tmonth\tincident_type\tcount")?;
            for c in stats.cells {
                let region = c
                    .region
                    .map(|r| format!("{r:02}"))
                    .unwrap_or_else(|| "-".into());
                let count = c
                    .count
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| "<5".into());
                say(&format!(
                    "{region}\t{}\t{}\t{count}",
                    c.month, c.incident_type
                ))?;
            }
            Ok(())
        }
        Command::Center(CenterCommand::Add { id, name, region }) => {
            let store = kulna_central::open_store(&config).await?;
            kulna_central::staff::add_center(&store, &id, &name, region).await?;
            say(&format!("center {id} saved"))
        }
        Command::Init => {
            let passphrase = config.passphrase()?;
            let store = kulna_central::open_store(&config).await?;
            match kulna_central::init(&store, passphrase).await? {
                InitOutcome::Created(id) => say(&format!("initialised: service key {id}")),
                InitOutcome::AlreadyInitialised(id) => say(&format!(
                    "already initialised (service key {id}); nothing changed"
                )),
            }
        }
        Command::Serve { listen } => {
            if let Some(l) = listen {
                config.listen = l;
            }
            let addr = config.listen.clone();
            let state = kulna_central::build_state(config).await?;
            let listener = tokio::net::TcpListener::bind(&addr).await.map_err(|e| {
                if e.kind() == std::io::ErrorKind::AddrInUse {
                    anyhow::anyhow!("cannot listen on {addr}: the address is already in use")
                } else {
                    anyhow::anyhow!("cannot listen on {addr}: {e}")
                }
            })?;
            let local = listener.local_addr().context("listener address")?;
            say(&format!("listening on http://{local}"))?;
            tracing::info!(%local, "serving");
            kulna_central::serve(state, listener, shutdown_signal()).await?;
            tracing::info!("stopped");
            Ok(())
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
