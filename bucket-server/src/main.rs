//! `bucket-server`: an embedded local S3 bucket for the demo and the tests.
//!
//! One listener speaks S3 (s3s over an s3s-fs folder, signatures checked, CORS on); a second serves
//! the demo page and `/sign`. At start it prints machine-readable lines that tests parse.

mod bucket;
mod bucket_fs;
mod complete;
mod config;
mod drain;
mod md5_guard;
mod multipart;
mod object_key;
mod part_checksum;
mod rechunk;
mod serve;
mod sign;
mod sign_multipart;
mod uploads;
mod www;

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::config::{Config, Parsed, USAGE};
use crate::sign::SignContext;

fn main() -> ExitCode {
    let cfg = match Config::parse(std::env::args().skip(1), |k| std::env::var(k).ok()) {
        Ok(Parsed::Run(cfg)) => *cfg,
        Ok(Parsed::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("bucket-server: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(level) = &cfg.log {
        init_logging(level);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("bucket-server: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cfg)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bucket-server: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cfg: Config) -> std::io::Result<()> {
    let bucket_dir = cfg.data_dir.join(&cfg.bucket);
    std::fs::create_dir_all(&bucket_dir)
        .map_err(|e| with_context(e, &format!("cannot create {}", bucket_dir.display())))?;
    let data_dir = cfg.data_dir.canonicalize()?;
    if !cfg.www_dir.is_dir() {
        eprintln!(
            "bucket-server: warning: www dir {} does not exist",
            cfg.www_dir.display()
        );
    }

    let bucket_listener = bind(&cfg.host, cfg.bucket_port).await?;
    let www_listener = bind(&cfg.host, cfg.www_port).await?;
    let endpoint = url_of(bucket_listener.local_addr()?);
    let page = url_of(www_listener.local_addr()?);

    let bucket_service = bucket::service(&data_dir, &cfg.access_key, &cfg.secret_key)?;
    // With --remote-endpoint the local bucket still runs (harmless), but /sign signs for the remote.
    let signed_endpoint = cfg
        .remote_endpoint
        .clone()
        .unwrap_or_else(|| endpoint.clone());
    let sign_ctx = SignContext {
        endpoint: signed_endpoint.trim_end_matches('/').to_string(),
        bucket: cfg.bucket.clone(),
        region: cfg.region.clone(),
        path_style: cfg.path_style,
        remote: cfg.remote_endpoint.is_some(),
        access_key: cfg.access_key.clone(),
        secret_key: cfg.secret_key.clone(),
        session_token: cfg.session_token.clone(),
    };
    let www_service = www::service(&cfg.www_dir, &cfg.pkg_dir, sign_ctx);

    // Parsed by tests and scripts: keep the wording and order. The secret appears here and nowhere
    // else; this is a loopback demo server with demo credentials.
    let mut out = std::io::stdout().lock();
    writeln!(out, "bucket endpoint: {signed_endpoint}")?;
    writeln!(out, "page: {page}/")?;
    writeln!(out, "bucket: {}", cfg.bucket)?;
    writeln!(out, "data dir: {}", data_dir.display())?;
    writeln!(out, "access key: {}", cfg.access_key)?;
    writeln!(out, "secret key: {}", cfg.secret_key)?;
    out.flush()?;
    drop(out);

    let (stop, stopped) = watch::channel(());
    let bucket_task = tokio::spawn(serve::serve(
        bucket_listener,
        bucket_service,
        stopped.clone(),
    ));
    let www_task = tokio::spawn(serve::serve(www_listener, www_service, stopped));
    shutdown_signal().await;
    drop(stop);
    let _ = tokio::join!(bucket_task, www_task);
    Ok(())
}

async fn bind(host: &str, port: u16) -> std::io::Result<TcpListener> {
    TcpListener::bind((host, port))
        .await
        .map_err(|e| with_context(e, &format!("cannot listen on {host}:{port}")))
}

/// The URL a local client should use; a wildcard bind address is reached through loopback.
fn url_of(addr: SocketAddr) -> String {
    let mut addr = addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() {
            [127, 0, 0, 1].into()
        } else {
            std::net::Ipv6Addr::LOCALHOST.into()
        });
    }
    format!("http://{addr}")
}

fn with_context(e: std::io::Error, what: &str) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{what}: {e}"))
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM (what `npm` and test harnesses send).
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// s3s's own diagnostics (why a signature was refused, ...) on stderr, at most at `level`.
fn init_logging(level: &str) {
    let level = level
        .parse()
        .unwrap_or(tracing_subscriber::filter::LevelFilter::WARN);
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level)
        .with_ansi(false)
        .init();
}
