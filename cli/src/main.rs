//! `put-object`: an ossutil-style command (seed 004) that uploads one file or string with the
//! bucket-upload core. The core validates and signs (no IO, no clock); this binary reads the
//! clock, the environment and the file, and talks HTTP.
//!
//! Flow: parse → validate everything by signing once before the file is read (a bad key or
//! storage class must not wait for a 5 GiB hash) → hash (pass 1) → sign with Content-MD5 →
//! stream (pass 2) → check the answer's checksums → print.

// The core's `Error` is large (code, message, field, status, request id); it is built once per
// run, on the way out, so boxing it would buy nothing. The core makes the same choice.
#![allow(clippy::result_large_err)]

mod args;
mod body;
mod credentials;
mod report;
mod response;
mod send;

use args::{Args, Command};
use bucket_upload::{
    sign_put_headers, ContentMd5Value, Error, ObjectOptions, PutOptions, Tagging, UtcTime,
};
use std::process::ExitCode;

/// Exit status: the command line or its input is wrong and nothing was sent.
const EXIT_USAGE: u8 = 2;
/// Exit status: a request was made and did not store the object as sent.
const EXIT_FAILED: u8 = 1;

fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(Command::Put(a)) => *a,
        Ok(Command::Help) => {
            println!("{}", args::HELP);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n(see put-object --help)");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err((message, code)) => {
            eprintln!("{message}");
            ExitCode::from(code)
        }
    }
}

/// Uploads and returns the result lines, or the error line with the exit status.
fn run(a: &Args) -> Result<String, (String, u8)> {
    let bad_input = |e: Error| (report::error(&e, None), EXIT_USAGE);
    let credentials =
        credentials::from_env(a.dialect, |k| std::env::var(k).ok()).ok_or_else(|| {
            bad_input(Error::invalid(
                "MissingCredentials",
                "credentials",
                credentials::missing_message(a.dialect),
            ))
        })?;
    let region = a.region.clone().unwrap_or_else(|| "us-east-1".into());
    let endpoint = args::endpoint(a, &region)
        .map_err(|m| bad_input(Error::invalid("MissingEndpoint", "endpoint", m)))?;
    let mut options = PutOptions {
        dialect: a.dialect,
        version: args::version(a),
        endpoint,
        bucket: a.bucket.clone(),
        region,
        path_style: a.path_style,
        credentials,
        key: a.key.clone(),
        expires_in: 900,
        now: Some(now()),
        headers: Default::default(),
        content_length: body::declared_size(&a.body).map_err(bad_input)?,
        signed_headers: Default::default(),
        object: object_options(a),
    };
    // Every rule the core knows, checked before the file is read; the signature is thrown away.
    sign_put_headers(&options).map_err(bad_input)?;

    let hashed = body::hash(&a.body).map_err(bad_input)?;
    options.content_length = Some(hashed.size);
    options.object.content_md5 = Some(ContentMd5Value(hashed.md5.base64()));
    // The clock is read again: hashing a large file takes a while, and S3 allows 15 minutes of skew.
    options.now = Some(now());
    let signed = sign_put_headers(&options).map_err(bad_input)?;

    let failed = |e: Error| (report::error(&e, None), EXIT_FAILED);
    let reader = body::open(&a.body, hashed.size).map_err(failed)?;
    let answer = send::put(&signed, reader, hashed.size).map_err(failed)?;
    let kms = a
        .server_side_encryption
        .as_deref()
        .is_some_and(|s| s.to_ascii_lowercase().contains("kms"));
    response::judge(&answer, a.dialect, &hashed, kms)
        .map(|u| report::uploaded(&u))
        .map_err(|r| (report::refused(&r), EXIT_FAILED))
}

/// The flags as the core's typed options; their values are the core's to check.
fn object_options(a: &Args) -> ObjectOptions {
    ObjectOptions {
        acl: a.object_acl.clone(),
        storage_class: a.storage_class.clone(),
        cache_control: a.cache_control.clone(),
        content_disposition: a.content_disposition.clone(),
        content_encoding: a.content_encoding.clone(),
        content_type: a.content_type.clone(),
        expires: a.expires.clone(),
        forbid_overwrite: a.forbid_overwrite,
        server_side_encryption: a.server_side_encryption.clone(),
        server_side_data_encryption: a.server_side_data_encryption.clone(),
        server_side_encryption_key_id: a.server_side_encryption_key_id.clone(),
        tagging: a.tagging.clone().map(Tagging::Text),
        metadata: bucket_upload::Fields(a.metadata.clone()),
        ..ObjectOptions::default()
    }
}

/// The signing instant. The core has no clock; this is where the time comes from.
fn now() -> UtcTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    UtcTime::from_unix_seconds(secs)
}
