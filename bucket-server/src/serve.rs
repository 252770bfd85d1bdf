//! Accept loop shared by both listeners: HTTP/1.1 (what browsers use on plain http) and h2c, with
//! graceful shutdown.

use std::convert::Infallible;
use std::time::Duration;

use hyper::body::{Body, Incoming};
use hyper::{Request, Response};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// How long in-flight requests may take to finish once shutdown starts.
const GRACE: Duration = Duration::from_secs(5);

/// Serves `service` on `listener` until `shutdown` fires (its sender sends or is dropped), then lets
/// open connections finish for up to [`GRACE`].
pub async fn serve<S, B>(listener: TcpListener, service: S, mut shutdown: watch::Receiver<()>)
where
    S: tower::Service<Request<Incoming>, Response = Response<B>, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let builder = Builder::new(TokioExecutor::new());
    let graceful = GracefulShutdown::new();
    loop {
        let socket = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, _peer)) => socket,
                // Running out of file descriptors and the like: back off instead of spinning.
                Err(_) => { tokio::time::sleep(Duration::from_millis(50)).await; continue; }
            },
            _ = shutdown.changed() => break,
        };
        // Browsers and curl send small requests; without this, replies wait on Nagle's algorithm.
        let _ = socket.set_nodelay(true);
        let conn = builder.serve_connection(
            TokioIo::new(socket),
            TowerToHyperService::new(service.clone()),
        );
        let conn = graceful.watch(conn.into_owned());
        tokio::spawn(async move {
            // A client going away mid-request is routine; there is no one to report it to.
            let _ = conn.await;
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(GRACE, graceful.shutdown()).await;
}
