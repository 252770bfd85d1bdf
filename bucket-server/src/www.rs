//! The www listener: the demo page as static files, the built package under `/pkg/`,
//! `GET /config` (the bucket, without keys) and `POST /sign`.

use std::convert::Infallible;
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ALLOW, CACHE_CONTROL, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use tower::util::BoxCloneSyncService;
use tower::{service_fn, ServiceExt};
use tower_http::services::ServeDir;

use crate::sign::{self, SignContext};

/// Response body of the www listener: files stream from disk, JSON answers are in memory.
pub type WwwBody = UnsyncBoxBody<Bytes, Box<dyn std::error::Error + Send + Sync>>;

/// The service answering on the www port.
pub type WwwService = BoxCloneSyncService<Request<Incoming>, Response<WwwBody>, Infallible>;

/// A signing request is a few options; anything bigger is refused unread.
const SIGN_BODY_LIMIT: usize = 64 * 1024;

/// Serves `www_dir` (the page is `/`, i.e. `index.html`), `pkg_dir` under `/pkg/`, and routes
/// `/sign` to [`sign::handle`].
pub fn service(www_dir: &Path, pkg_dir: &Path, ctx: SignContext) -> WwwService {
    let files = ServeDir::new(www_dir);
    let pkg = ServeDir::new(pkg_dir);
    let ctx = Arc::new(ctx);
    BoxCloneSyncService::new(service_fn(move |mut req: Request<Incoming>| {
        let files = files.clone();
        let pkg = pkg.clone();
        let ctx = Arc::clone(&ctx);
        async move {
            match req.uri().path() {
                "/sign" => return Ok(sign_route(req, &ctx).await),
                "/config" => return Ok(json(200, &sign::public_config(&ctx))),
                _ => {}
            }
            let resp = if let Some(rest) = req.uri().path().strip_prefix("/pkg/") {
                let rest = format!("/{rest}");
                *req.uri_mut() = rest.parse().unwrap_or_default();
                pkg.oneshot(req).await?
            } else {
                files.oneshot(req).await?
            };
            Ok::<_, Infallible>(resp.map(|b| b.map_err(Into::into).boxed_unsync()))
        }
    }))
}

/// Reads the JSON body, calls the signer, and turns its answer into a JSON response.
async fn sign_route(req: Request<Incoming>, ctx: &SignContext) -> Response<WwwBody> {
    if req.method() != Method::POST {
        let mut resp = json(405, &error_body("use POST"));
        resp.headers_mut()
            .insert(ALLOW, HeaderValue::from_static("POST"));
        return resp;
    }
    let bytes = match Limited::new(req.into_body(), SIGN_BODY_LIMIT)
        .collect()
        .await
    {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return json(413, &error_body("request body too large or unreadable")),
    };
    let parsed: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => return json(400, &error_body(&format!("invalid JSON: {e}"))),
    };
    match sign::handle(parsed, ctx) {
        Ok(v) => json(200, &v),
        Err((status, body)) => json(status, &body),
    }
}

fn error_body(message: &str) -> serde_json::Value {
    serde_json::json!({ "code": "InvalidRequest", "message": message })
}

fn json(status: u16, value: &serde_json::Value) -> Response<WwwBody> {
    let body = Full::new(Bytes::from(value.to_string()))
        .map_err(|never| match never {})
        .boxed_unsync();
    let mut resp = Response::new(body);
    *resp.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    // Signatures are single-use and time-bound: never cache them.
    resp.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}
