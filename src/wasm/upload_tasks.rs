//! The requests of a multipart upload as the shell executes them: sign (through the page's
//! `sign` callback or with credentials in the page), send with XMLHttpRequest, read the answer
//! with the core's readers. Each returns what happened; the state machine decides what it means.

use super::api_digests::digests_js;
use super::exchange::{exchange, Payload};
use super::js_error::from_thrown;
use super::js_options::{get, now, pairs_from_js, parse, set};
use crate::core::encode;
use crate::core::error::{Error, ErrorKind};
use crate::core::md5::Md5Digest;
use crate::core::multipart::read::{self, Completed};
use crate::core::multipart::{
    complete_xml, sign_multipart, ChecksumAlgorithm, CompletedPart, MultipartOptions,
};
use crate::core::options::Dialect;
use crate::core::response::parse_crc64;
use crate::core::response::HttpResponse;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

/// What every request of one upload shares.
pub struct Ctx {
    pub file: web_sys::Blob,
    pub dialect: Dialect,
    /// The target keys handed to `sign` with every request (dialect, endpoint, bucket, key, …).
    pub target: js_sys::Object,
    /// Create's extra keys: the object options.
    pub object: js_sys::Object,
    /// The SSE-C keys, repeated on every UploadPart.
    pub sse_c: js_sys::Object,
    pub sign: Option<js_sys::Function>,
    pub credentials: JsValue,
    pub checksum: Option<ChecksumAlgorithm>,
    /// The `worker` option for hashing parts.
    pub worker: JsValue,
    /// Cancel a request after this long without progress (`stallTimeoutMs`; `None`: never).
    pub stall_ms: Option<u32>,
    /// `signContentLength`: each part's (and Complete's) Content-Length is signed (SigV4, OSS V4).
    pub sign_content_length: bool,
}

/// A signed request as the shell sends it.
pub struct Signed {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

impl Ctx {
    /// The request handed to `sign`: the target, the operation and its own keys.
    fn request(&self, operation: &str, extra: &[&js_sys::Object]) -> js_sys::Object {
        let r = js_sys::Object::assign(&js_sys::Object::new(), &self.target);
        for e in extra {
            js_sys::Object::assign(&r, e);
        }
        set(&r, "operation", JsValue::from_str(operation));
        if let Some(a) = self.checksum {
            set(&r, "checksumAlgorithm", JsValue::from_str(a.name()));
        }
        r
    }

    /// Signs `request`: the `sign` callback (whose answer may be a Promise), else the core with
    /// the page's credentials.
    pub async fn sign(&self, request: &js_sys::Object, method: &str) -> Result<Signed, Error> {
        let Some(sign) = &self.sign else {
            let with_creds = js_sys::Object::assign(&js_sys::Object::new(), request);
            set(&with_creds, "credentials", self.credentials.clone());
            let mut o: MultipartOptions = parse(&with_creds, MultipartOptions::read)?;
            o.now = Some(now(&with_creds)?);
            let s = sign_multipart(&o)?;
            return Ok(Signed {
                method: s.method,
                url: s.url,
                headers: s.headers,
                body: s.body,
            });
        };
        let answer = sign
            .call1(&JsValue::NULL, request)
            .map_err(|e| from_thrown(&e, "the sign callback"))?;
        let answer = match answer.dyn_into::<js_sys::Promise>() {
            Ok(p) => JsFuture::from(p)
                .await
                .map_err(|e| from_thrown(&e, "the sign callback"))?,
            Err(v) => v,
        };
        let url = get(&answer, "url").as_string().ok_or_else(|| {
            Error::invalid(
                "InvalidOptions",
                "sign",
                "the sign callback must answer { url, headers? }",
            )
        })?;
        Ok(Signed {
            method: get(&answer, "method")
                .as_string()
                .unwrap_or_else(|| method.to_string()),
            url,
            headers: pairs_from_js(&get(&answer, "headers"), "sign().headers")?,
            body: get(&answer, "body").as_string(),
        })
    }

    /// A context for requests that send no file (diagnose, forgetting or aborting an upload):
    /// the target and the signer only.
    pub fn signer_only(
        dialect: Dialect,
        target: js_sys::Object,
        sign: Option<js_sys::Function>,
        credentials: JsValue,
    ) -> Result<Ctx, Error> {
        Ok(Ctx {
            file: web_sys::Blob::new().map_err(|e| super::js_error::from_js(&e, "Blob"))?,
            dialect,
            target,
            object: js_sys::Object::new(),
            sse_c: js_sys::Object::new(),
            sign,
            credentials,
            checksum: None,
            worker: JsValue::FALSE,
            stall_ms: Some(30_000),
            sign_content_length: false,
        })
    }

    /// HEAD of the object (with the SSE-C key, which reading such an object's metadata needs).
    pub async fn head_object(&self) -> Result<HttpResponse, Error> {
        let request = self.request("headObject", &[&self.sse_c]);
        exchange(self, &request, "HEAD", &|_| Payload::Empty, None, None).await
    }

    /// Create: the new upload's id.
    pub async fn create(&self) -> Result<String, Error> {
        let request = self.request("create", &[&self.object]);
        let r = exchange(self, &request, "POST", &|_| Payload::Empty, None, None).await?;
        read::upload_id(self.dialect, &r)
    }

    /// Hashes part `number` (`[start, end)` of the file), signs and sends it.
    pub async fn part(
        &self,
        upload_id: &str,
        number: u32,
        start: u64,
        end: u64,
        progress: &js_sys::Function,
        signal: &AbortSignal,
    ) -> Result<PartSent, Error> {
        let slice = self
            .file
            .slice_with_f64_and_f64(start as f64, end as f64)
            .map_err(|e| super::js_error::from_js(&e, "slicing the file"))?;
        let mut names = vec!["md5".to_string()];
        if let Some(a) = self.checksum {
            names.push(a.name().to_ascii_lowercase());
        }
        // OSS answers each part's CRC-64 and the object's on Complete: both are checked.
        if self.dialect == Dialect::Oss {
            names.push("crc64ecma".into());
        }
        let read = js_sys::Object::new();
        set(&read, "worker", self.worker.clone());
        // Reused workers, and 2 MiB reads: two buffers per worker stay small next to a part.
        set(&read, "pooledWorker", JsValue::TRUE);
        set(&read, "chunkSize", JsValue::from(2.0 * 1024.0 * 1024.0));
        set(&read, "signal", signal.into());
        let d = digests_js(&slice, names, &read.into()).await?;
        let md5_b64 = get(&get(&d, "md5"), "base64")
            .as_string()
            .unwrap_or_default();
        let md5 = encode::base64_decode(&md5_b64)
            .and_then(|b| <[u8; 16]>::try_from(b).ok())
            .map(Md5Digest);
        let crc64 = get(&d, "crc64ecma")
            .as_string()
            .and_then(|c| parse_crc64(&c));
        let checksum = self.checksum.and_then(|a| {
            let v = get(&d, &a.name().to_ascii_lowercase());
            v.as_string().or_else(|| get(&v, "base64").as_string())
        });
        let extra = js_sys::Object::new();
        set(&extra, "uploadId", JsValue::from_str(upload_id));
        set(&extra, "partNumber", JsValue::from(number));
        set(&extra, "contentMd5", JsValue::from_str(&md5_b64));
        if let Some(c) = &checksum {
            set(&extra, "checksum", JsValue::from_str(c));
        }
        if self.sign_content_length {
            // The part's size, which the browser sends as Content-Length (it cannot be set).
            set(&extra, "signContentLength", JsValue::TRUE);
            set(&extra, "contentLength", JsValue::from((end - start) as f64));
        }
        let request = self.request("uploadPart", &[&self.sse_c, &extra]);
        let body = |_: &Signed| Payload::Blob(slice.clone());
        let r = exchange(self, &request, "PUT", &body, Some(progress), Some(signal)).await?;
        Ok(PartSent {
            etag: r.header("etag").unwrap_or_default().to_string(),
            checksum,
            md5,
            crc64,
            server_crc64: r.header("x-oss-hash-crc64ecma").and_then(parse_crc64),
        })
    }

    /// Complete with `parts`.
    pub async fn complete(
        &self,
        upload_id: &str,
        parts: &[CompletedPart],
    ) -> Result<Completed, Error> {
        let list = js_sys::Array::new();
        for p in parts {
            let o = js_sys::Object::new();
            set(&o, "partNumber", JsValue::from(p.part_number));
            set(&o, "etag", JsValue::from_str(&p.etag));
            if let Some(c) = &p.checksum {
                set(&o, "checksum", JsValue::from_str(c));
            }
            list.push(&o);
        }
        let extra = js_sys::Object::new();
        set(&extra, "uploadId", JsValue::from_str(upload_id));
        set(&extra, "parts", list.into());
        if self.sign_content_length {
            // The signer knows the XML's length: it builds the body it signs.
            set(&extra, "signContentLength", JsValue::TRUE);
        }
        let request = self.request("complete", &[&extra]);
        // A backend that presigned Complete need not send the body back: it is the same XML.
        let body = |s: &Signed| {
            Payload::Text(s.body.clone().unwrap_or_else(|| match self.dialect {
                Dialect::Oss => complete_xml::oss_body(parts),
                _ => complete_xml::s3_body(parts, self.checksum),
            }))
        };
        let r = exchange(self, &request, "POST", &body, None, None).await?;
        read::completed(self.dialect, &r)
    }

    /// One page of ListParts (1,000 parts from `marker`).
    pub async fn list_parts(&self, upload_id: &str, marker: u32) -> Result<read::PartsPage, Error> {
        let extra = js_sys::Object::new();
        set(&extra, "uploadId", JsValue::from_str(upload_id));
        set(&extra, "maxParts", JsValue::from(1000));
        if marker > 0 {
            set(&extra, "partNumberMarker", JsValue::from(marker));
        }
        let request = self.request("listParts", &[&extra]);
        let r = exchange(self, &request, "GET", &|_| Payload::Empty, None, None).await?;
        read::parts_page(self.dialect, &r)
    }

    /// Abort, then a ListParts to make sure no part stored after the Abort survives (a part
    /// whose body had fully arrived may still be written); one more Abort if one did.
    pub async fn abort(&self, upload_id: &str) -> Result<(), Error> {
        let extra = js_sys::Object::new();
        set(&extra, "uploadId", JsValue::from_str(upload_id));
        for _ in 0..2 {
            let request = self.request("abort", &[&extra]);
            match exchange(self, &request, "DELETE", &|_| Payload::Empty, None, None).await {
                Ok(_) => {}
                Err(e) if e.code == "NoSuchUpload" => return Ok(()),
                Err(e) => return Err(e),
            }
            let request = self.request("listParts", &[&extra]);
            match exchange(self, &request, "GET", &|_| Payload::Empty, None, None).await {
                Ok(r) if read::parts_page(self.dialect, &r).is_ok_and(|p| !p.parts.is_empty()) => {
                    continue
                }
                _ => return Ok(()),
            }
        }
        Ok(())
    }
}

/// What UploadPart answered, with what was hashed.
pub struct PartSent {
    pub etag: String,
    pub checksum: Option<String>,
    pub md5: Option<Md5Digest>,
    pub crc64: Option<u64>,
    pub server_crc64: Option<u64>,
}

/// An error for a request the page cancelled.
pub fn cancelled() -> Error {
    Error::new(ErrorKind::Aborted, "Aborted", "the upload was aborted")
}
