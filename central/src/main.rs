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
