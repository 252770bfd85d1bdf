//! `diagnose(target)`: answers, before any byte of a real upload moves, the questions behind
//! most failed integrations — is the bucket reachable, does its CORS rule let this page send
//! the requests an upload sends and read the headers it needs, is the page's clock right, does
//! the signer produce requests the bucket accepts — each finding with the fix.
//!
//! It runs a real, self-cleaning multipart round trip on a throw-away key: Create (the
//! preflight of a header-signed POST), UploadPart of 0 bytes (the preflight of a PUT with
//! Content-MD5; its answer must show ETag), ListParts, Abort (leaves nothing behind).

use super::js_error::to_js;
use super::js_options::{get, set};
use super::upload_tasks::Ctx;
use crate::core::error::{Error, ErrorKind};
use crate::core::response::parse_dialect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

struct Report {
    findings: js_sys::Array,
    ok: bool,
}

impl Report {
    fn add(&mut self, check: &str, ok: bool, detail: &str, fix: Option<&str>) {
        let f = js_sys::Object::new();
        set(&f, "check", JsValue::from_str(check));
        set(&f, "ok", JsValue::from(ok));
        set(&f, "detail", JsValue::from_str(detail));
        if let Some(fix) = fix {
            set(&f, "fix", JsValue::from_str(fix));
        }
        self.findings.push(&f);
        self.ok &= ok;
    }
}

fn origin() -> String {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("origin"))
        .ok()
        .and_then(|o| o.as_string())
        .unwrap_or_else(|| "<this page's origin>".into())
}

fn cors_rule(origin: &str) -> String {
    format!(
        "[{{\"AllowedOrigins\":[\"{origin}\"],\"AllowedMethods\":[\"PUT\",\"POST\",\"DELETE\",\"GET\",\"HEAD\"],\"AllowedHeaders\":[\"*\",\"Authorization\"],\"ExposeHeaders\":[\"ETag\",\"Date\",\"x-amz-request-id\",\"x-amz-version-id\"]}}]"
    )
}

/// What failed a step, as a finding.
fn explain(r: &mut Report, step: &str, e: &Error, rule: &str) {
    let (detail, fix): (String, String) = match (e.kind, e.code.as_str()) {
        (ErrorKind::Network, _) => (
            format!("{step}: the request did not complete — the bucket is unreachable, or its CORS rule does not allow this page ({})", origin()),
            format!("check the endpoint, then add this CORS rule to the bucket: {rule}"),
        ),
        (_, "SignatureDoesNotMatch") => (
            format!("{step}: the bucket refused the signature ({})", e.message),
            "the signer's keys, region or endpoint do not match the bucket (compare the string to sign with the server's)".into(),
        ),
        (_, "RequestTimeTooSkewed") => (format!("{step}: {}", e.message), "correct the page's clock, or expose Date in the CORS rule".into()),
        (_, "AccessDenied") => (
            format!("{step}: access denied ({})", e.message),
            "the signer's credentials lack s3:PutObject / s3:AbortMultipartUpload / s3:ListMultipartUploadParts on this key".into(),
        ),
        (_, "NoSuchBucket") => (format!("{step}: the bucket does not exist"), "check the bucket name and the endpoint's region".into()),
        _ => (format!("{step}: {} ({})", e.code, e.message), "see the code in the vendor's error table".into()),
    };
    r.add(step, false, &detail, Some(&fix));
}

/// Runs the checks; resolves to `{ ok, clockOffsetSeconds, findings: [{ check, ok, detail, fix? }] }`.
#[wasm_bindgen(js_name = diagnose, unchecked_return_type = "DiagnoseReport")]
pub async fn diagnose(
    #[wasm_bindgen(unchecked_param_type = "Omit<UploadFileOptions, 'key'> & { key?: string }")]
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let run = async {
        use crate::core::option_names::{TARGET, UPLOAD_FILE};
        super::js_options::known(&options, &[TARGET, UPLOAD_FILE])?;
        let sign: Option<js_sys::Function> = get(&options, "sign").dyn_into().ok();
        let credentials = get(&options, "credentials");
        if sign.is_none() && !credentials.is_object() {
            return Err(Error::invalid(
                "MissingCredentials",
                "sign",
                "diagnose needs a sign(request) callback or credentials",
            ));
        }
        let target = js_sys::Object::new();
        for k in [
            "dialect",
            "version",
            "endpoint",
            "bucket",
            "region",
            "pathStyle",
            "expiresIn",
        ] {
            let v = get(&options, k);
            if !v.is_undefined() {
                set(&target, k, v);
            }
        }
        let prefix = get(&options, "key")
            .as_string()
            .unwrap_or_else(|| "uploads/".into());
        let key = format!(
            "{prefix}{}bucket-upload-diagnose-{}",
            if prefix.is_empty() || prefix.ends_with('/') {
                ""
            } else {
                "/"
            },
            (js_sys::Math::random() * 1e12) as u64
        );
        set(&target, "key", JsValue::from_str(&key));
        let dialect = parse_dialect(
            &get(&options, "dialect")
                .as_string()
                .unwrap_or_else(|| "s3".into()),
        )?;
        let ctx = Ctx::signer_only(dialect, target, sign, credentials)?;
        let rule = cors_rule(&origin());
        let mut r = Report {
            findings: js_sys::Array::new(),
            ok: true,
        };
        let upload_id = match ctx.create().await {
            Ok(id) => {
                r.add("create", true, "a signed POST reached the bucket and was accepted (signer, CORS preflight for POST)", None);
                id
            }
            Err(e) => {
                explain(&mut r, "create", &e, &rule);
                return Ok(r);
            }
        };
        let offset = super::clock::offset_seconds();
        if offset.abs() > 60 {
            r.add(
                "clock",
                false,
                &format!(
                    "this page's clock is {offset} s off the bucket's (corrected for this session)"
                ),
                Some("correct the device's clock"),
            );
        } else {
            r.add(
                "clock",
                true,
                &format!(
                    "this page's clock is within {} s of the bucket's",
                    offset.abs().max(1)
                ),
                None,
            );
        }
        let signal = web_sys::AbortController::new()
            .map_err(|e| super::js_error::from_js(&e, "AbortController"))?
            .signal();
        let progress = js_sys::Function::new_no_args("");
        match ctx.part(&upload_id, 1, 0, 0, &progress, &signal).await {
            Ok(p) if p.etag.is_empty() => r.add("expose ETag", false, "UploadPart succeeded but its ETag is not readable: uploads would fail with MissingETag", Some(&format!("expose ETag in the CORS rule: {rule}"))),
            Ok(_) => r.add("uploadPart", true, "a presigned PUT with Content-MD5 was accepted and its ETag is readable (CORS preflight for PUT, ExposeHeaders: ETag)", None),
            Err(e) => explain(&mut r, "uploadPart", &e, &rule),
        }
        match ctx.list_parts(&upload_id, 0).await {
            Ok(_) => r.add(
                "listParts",
                true,
                "ListParts works (resume after a reload can reconcile)",
                None,
            ),
            Err(e) => explain(&mut r, "listParts", &e, &rule),
        }
        match ctx.abort(&upload_id).await {
            Ok(()) => r.add(
                "abort",
                true,
                "Abort works: the test upload left nothing behind",
                None,
            ),
            Err(e) => explain(&mut r, "abort", &e, &rule),
        }
        Ok(r)
    };
    let r = run.await.map_err(|e| to_js(&e))?;
    let out = js_sys::Object::new();
    set(&out, "ok", JsValue::from(r.ok));
    set(
        &out,
        "clockOffsetSeconds",
        JsValue::from(super::clock::offset_seconds() as f64),
    );
    set(&out, "findings", r.findings.into());
    Ok(out.into())
}
