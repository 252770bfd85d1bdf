//! Where a `/sign` request is signed for, with which credentials and at which instant: the
//! configured bucket for `s3` (and for every dialect when it is remote), else the vendor's public
//! endpoint for a preview; then the demo `scenario`, if any, spoils the signature on purpose.

use super::request::SignRequest;
use super::{invalid, SignContext, EXPIRES_IN};
use bucket_upload::{Credentials, Dialect, UtcTime};
use serde_json::Value;
use std::time::{SystemTime, UNIX_EPOCH};

/// Where an `oss`, `obs` or `cms` request would go when only the local (S3) bucket runs:
/// endpoint, region, path style. The CMS seed names no host; `cms.example.com` stands in.
fn preview_target(dialect: Dialect) -> (&'static str, &'static str, bool) {
    match dialect {
        Dialect::Oss => ("https://oss-cn-hangzhou.aliyuncs.com", "cn-hangzhou", false),
        Dialect::Obs => (
            "https://obs.cn-north-4.myhuaweicloud.com",
            "cn-north-4",
            false,
        ),
        _ => ("https://cms.example.com", "us-east-1", true),
    }
}

/// The token of a previewed CMS request: a placeholder, so that no real token is ever shown.
pub(super) const PREVIEW_CMS_TOKEN: &str = "demo-cms-token";

/// The bucket, credentials and instant a request is signed with.
pub(super) struct Target {
    pub(super) endpoint: String,
    pub(super) bucket: String,
    pub(super) region: String,
    pub(super) path_style: bool,
    pub(super) credentials: Credentials,
    pub(super) now: UtcTime,
    pub(super) expires_in: i64,
    pub(super) preview: bool,
}

/// The bucket and credentials for `req`: the configured bucket for `s3` (and for every dialect
/// when it is remote), else the dialect's public endpoint for a preview.
pub(super) fn target(req: &SignRequest, ctx: &SignContext) -> Result<Target, (u16, Value)> {
    let clock = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let mut credentials = Credentials::new(ctx.access_key.clone(), ctx.secret_key.clone());
    credentials.session_token = ctx.session_token.clone();
    let preview = req.dialect != Dialect::S3 && !ctx.remote;
    let mut t = Target {
        endpoint: ctx.endpoint.clone(),
        bucket: ctx.bucket.clone(),
        region: ctx.region.clone(),
        path_style: ctx.path_style,
        credentials,
        now: UtcTime::from_unix_seconds(clock),
        expires_in: EXPIRES_IN,
        preview,
    };
    if preview {
        let (endpoint, region, path_style) = preview_target(req.dialect);
        t.endpoint = endpoint.into();
        t.region = region.into();
        t.path_style = path_style;
        t.credentials.session_token = None;
        if req.dialect == Dialect::Cms {
            t.credentials.session_token = Some(PREVIEW_CMS_TOKEN.into());
        }
    }
    match req.scenario.as_deref() {
        None | Some("") | Some("none") => {}
        // Signed two minutes ago for one: valid when signed, expired when it reaches the bucket,
        // yet within the 15-minute clock skew servers allow, so the refusal is about expiry.
        Some("expired") => {
            t.now = t.now.plus_seconds(-120);
            t.expires_in = 60;
        }
        Some("wrong-secret") => t.credentials.secret_access_key = "not-the-bucket-secret".into(),
        Some(other) => {
            let message = format!("unknown scenario {other:?}");
            return Err(invalid(400, "InvalidRequest", message, Some("scenario")));
        }
    }
    Ok(t)
}
