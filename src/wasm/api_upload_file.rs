//! `uploadFile(file, options)`: reads the options once, checks every rule the upload's requests
//! will meet (before any byte is sent), and starts the driver (`upload_driver.rs`).

use super::blob_reader::blob_size;
use super::js_error::to_js;
use super::js_options::{get, parse, set};
use super::multipart_upload::MultipartUpload;
use super::retry_option::retry_policy;
use super::upload_driver::{start, DriverOptions};
use super::upload_tasks::Ctx;
use crate::core::error::Error;
use crate::core::multipart::machine::UploadConfig;
use crate::core::multipart::request::Unsigned;
use crate::core::multipart::{ChecksumAlgorithm, MultipartOptions, Operation, PartPlan};
use crate::core::options::Dialect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A request with no progress for this long is cancelled and retried (`stallTimeoutMs`).
const DEFAULT_STALL_MS: u32 = 30_000;
/// Options of `uploadFile` itself; never handed to `sign`.
const DRIVER_KEYS: [&str; 15] = [
    "signContentLength",
    "resumeMaxAgeMs",
    "resume",
    "stallTimeoutMs",
    "sign",
    "credentials",
    "partSize",
    "concurrency",
    "checksum",
    "onProgress",
    "signal",
    "worker",
    "retry",
    "now",
    "operation",
];
/// The target, handed to `sign` with every request.
const TARGET_KEYS: [&str; 8] = [
    "dialect",
    "version",
    "endpoint",
    "bucket",
    "region",
    "pathStyle",
    "key",
    "expiresIn",
];
/// SSE-C: every UploadPart repeats the key.
const SSE_C_KEYS: [&str; 2] = ["sseCustomerAlgorithm", "sseCustomerKey"];

fn pick(options: &JsValue, keep: impl Fn(&str) -> bool) -> js_sys::Object {
    let out = js_sys::Object::new();
    if options.is_object() {
        for k in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
            let name = k.as_string().unwrap_or_default();
            if keep(&name) {
                set(&out, &name, get(options, &name));
            }
        }
    }
    out
}

fn whole(options: &JsValue, name: &str, min: f64, max: f64) -> Result<Option<f64>, Error> {
    let v = get(options, name);
    match v.as_f64() {
        None if v.is_undefined() => Ok(None),
        Some(n) if n.fract() == 0.0 && (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(Error::invalid(
            "InvalidOptions",
            name,
            format!(
                "{name} must be a whole number from {} to {}",
                min as i64, max as i64
            ),
        )),
    }
}

fn checksum(options: &JsValue, dialect: Dialect) -> Result<Option<ChecksumAlgorithm>, Error> {
    let v = get(options, "checksum");
    let algorithm = match v.as_string().map(|s| s.to_ascii_lowercase()).as_deref() {
        None if v.is_undefined() => return Ok(None),
        Some("md5") => return Ok(None),
        Some("crc32c") => ChecksumAlgorithm::Crc32c,
        Some("sha256") => ChecksumAlgorithm::Sha256,
        // A full-object CRC: S3 answers the whole object's, checked against the parts combined.
        Some("crc64nvme") => ChecksumAlgorithm::Crc64nvme,
        _ => {
            return Err(Error::invalid(
                "InvalidOptions",
                "checksum",
                "checksum must be 'md5' (Content-MD5 only), 'crc32c', 'sha256' or 'crc64nvme'",
            ))
        }
    };
    if dialect != Dialect::S3 {
        return Err(Error::invalid(
            "UnsupportedOption",
            "checksum",
            "crc32c, sha256 and crc64nvme part checksums are S3's; oss and obs parts carry Content-MD5",
        ));
    }
    Ok(Some(algorithm))
}

/// Uploads `file` in parts: `{ done, uploadId, pause(), resume(), abort() }`. Each request is
/// signed by `options.sign(request)` (a backend; the safe default) or with
/// `options.credentials` in the page.
#[wasm_bindgen(js_name = uploadFile)]
pub fn upload_file(
    #[wasm_bindgen(unchecked_param_type = "Blob")] file: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UploadFileOptions")] options: JsValue,
) -> Result<MultipartUpload, JsValue> {
    let run = || -> Result<MultipartUpload, Error> {
        let file = super::js_options::blob_arg(&file, "file")?;
        if !options.is_object() {
            return Err(Error::invalid(
                "InvalidOptions",
                "options",
                "uploadFile needs an options object",
            ));
        }
        use crate::core::option_names::{OBJECT, TARGET, UPLOAD_FILE};
        super::js_options::known(&options, &[TARGET, OBJECT, UPLOAD_FILE])?;
        let sign: Option<js_sys::Function> = get(&options, "sign").dyn_into().ok();
        let credentials = get(&options, "credentials");
        if sign.is_none() && !credentials.is_object() {
            return Err(Error::invalid(
                "MissingCredentials",
                "sign",
                "uploadFile needs a sign(request) callback (a backend signer) or credentials",
            ));
        }
        // Every rule of Create is checked now, before a byte is sent (with stand-in keys when a
        // backend signs: its own keys are checked there).
        let check = pick(&options, |k| !DRIVER_KEYS.contains(&k));
        set(&check, "operation", JsValue::from_str("create"));
        let stand_in = js_sys::Object::new();
        set(&stand_in, "accessKeyId", JsValue::from_str("stand-in"));
        set(&stand_in, "secretAccessKey", JsValue::from_str("stand-in"));
        set(
            &check,
            "credentials",
            if sign.is_some() {
                stand_in.into()
            } else {
                credentials.clone()
            },
        );
        let mut o: MultipartOptions = parse(&check.into(), MultipartOptions::read)?;
        o.now = Some(super::js_options::now(&options)?);
        let dialect = o.dialect;
        let checksum = checksum(&options, dialect)?;
        o.checksum_algorithm = checksum;
        Unsigned::new(&o)?;
        let size = blob_size(&file)?;
        let part_size =
            whole(&options, "partSize", 1.0, 9_007_199_254_740_991.0)?.map(|n| n as u64);
        let plan = PartPlan::new(dialect, size, part_size)?;
        let sign_content_length = get(&options, "signContentLength").as_bool() == Some(true);
        if sign_content_length {
            // Whether this dialect and version can sign it, checked on a stand-in first part
            // before Create is sent (SigV4 and OSS V4 can; SigV2, OSS V1 and OBS cannot).
            let mut part = o.clone();
            part.operation = Operation::UploadPart;
            part.upload_id = Some("stand-in".into());
            part.part_number = Some(1);
            part.content_length = Some(plan.part_size.min(size));
            part.signed_headers.sign_content_length = Some(true);
            part.object = Default::default();
            part.checksum_algorithm = None;
            Unsigned::new(&part)?;
        }
        let concurrency = whole(&options, "concurrency", 1.0, 64.0)?.unwrap_or(4.0) as u32;
        let kms = o
            .object
            .server_side_encryption
            .as_deref()
            .is_some_and(|s| s.to_ascii_lowercase().contains("kms"));
        let config = UploadConfig {
            concurrency,
            retry: retry_policy(&get(&options, "retry"))?,
            etag_is_md5: !kms && o.object.sse_customer_key.is_none(),
            checksum,
        };
        let ctx = Ctx {
            file,
            dialect,
            target: pick(&options, |k| TARGET_KEYS.contains(&k)),
            object: pick(&options, |k| {
                !DRIVER_KEYS.contains(&k) && !TARGET_KEYS.contains(&k)
            }),
            sse_c: pick(&options, |k| SSE_C_KEYS.contains(&k)),
            sign,
            credentials,
            checksum,
            worker: get(&options, "worker"),
            sign_content_length,
            stall_ms: match whole(&options, "stallTimeoutMs", 0.0, 3_600_000.0)? {
                Some(0.0) => None,
                Some(ms) => Some(ms as u32),
                None => Some(DEFAULT_STALL_MS),
            },
        };
        Ok(start(
            ctx,
            DriverOptions {
                plan,
                config,
                on_progress: get(&options, "onProgress").dyn_into().ok(),
                signal: get(&options, "signal").dyn_into().ok(),
                key: o.key.clone(),
                bucket: o.bucket.clone(),
                resume: !matches!(get(&options, "resume").as_bool(), Some(false)),
                resume_max_age_ms: whole(&options, "resumeMaxAgeMs", 0.0, 9_007_199_254_740_991.0)?
                    .unwrap_or(7.0 * 24.0 * 3600.0 * 1000.0),
            },
        ))
    };
    run().map_err(|e| to_js(&e))
}
