//! The option names each operation takes, so a misspelled one (`storageclass`, `contentype`,
//! `expiresin`) is an `UnknownOption` error naming it and the nearest valid name, instead of
//! being silently ignored (serde's `flatten` cannot refuse unknown fields). Used at the JS
//! boundary, and by a backend reading options from JSON: `check(map.keys().map(String::as_str),
//! &[TARGET, OBJECT, MULTIPART], "")` before deserializing (the demo's `/sign` does).

use crate::core::error::Error;

/// Where the request goes and who signs it.
pub const TARGET: &[&str] = &[
    "dialect",
    "version",
    "endpoint",
    "bucket",
    "region",
    "pathStyle",
    "credentials",
    "key",
    "expiresIn",
    "now",
];
/// The typed object options (`core::object_options::ObjectOptions`).
pub const OBJECT: &[&str] = &[
    "acl",
    "storageClass",
    "cacheControl",
    "contentDisposition",
    "contentEncoding",
    "contentType",
    "expires",
    "contentMd5",
    "checksumCrc32",
    "checksumCrc32c",
    "checksumCrc64nvme",
    "checksumSha256",
    "checksumAlgorithm",
    "forbidOverwrite",
    "serverSideEncryption",
    "serverSideEncryptionKeyId",
    "serverSideDataEncryption",
    "sseCustomerAlgorithm",
    "sseCustomerKey",
    "tagging",
    "metadata",
    "websiteRedirectLocation",
    "objectLockMode",
    "objectLockRetainUntilDate",
    "successActionRedirect",
    "successActionStatus",
    "callback",
    "isEncrypt",
];
/// `signPostForm`'s own.
pub const POST_FORM: &[&str] = &["conditions", "fields", "digests"];
/// `presignPut`, `presignPutRequest`, `signPutHeaders`.
pub const PUT: &[&str] = &[
    "headers",
    "contentLength",
    "digests",
    "signContentLength",
    "additionalHeaders",
];
/// `presignGet`'s own.
pub const GET: &[&str] = &[
    "versionId",
    "responseContentType",
    "responseContentLanguage",
    "responseExpires",
    "responseCacheControl",
    "responseContentDisposition",
    "responseContentEncoding",
    "trafficLimit",
];
/// `signPolicy`.
pub const SIGN_POLICY: &[&str] = &["dialect", "version", "credentials", "region", "now"];
/// `signMultipart`'s own (`serverTime` is what `uploadFile` tells a backend signer; ignored).
pub const MULTIPART: &[&str] = &[
    "operation",
    "presign",
    "uploadId",
    "partNumber",
    "partNumberMarker",
    "maxParts",
    "parts",
    "checksum",
    "headers",
    "serverTime",
    "contentLength",
    "signContentLength",
    "additionalHeaders",
];
/// `uploadFile`'s own.
pub const UPLOAD_FILE: &[&str] = &[
    "sign",
    "partSize",
    "concurrency",
    "checksum",
    "onProgress",
    "signal",
    "worker",
    "retry",
    "resume",
    "resumeMaxAgeMs",
    "stallTimeoutMs",
    "headers",
    "signContentLength",
];
/// `putObject` / `postObject` options.
pub const UPLOAD: &[&str] = &[
    "onProgress",
    "signal",
    "dialect",
    "contentMd5",
    "crc64ecma",
    "digests",
    "retry",
    "chunkSize",
    "worker",
];
/// `contentMd5` / `digests` options.
pub const READ: &[&str] = &["worker", "chunkSize", "onProgress", "signal", "algorithms"];
/// `credentials`: the three this module reads, and the members an AWS SDK credential provider's
/// identity also carries (accepted and ignored, so its result can be passed as it is).
pub const CREDENTIALS: &[&str] = &[
    "accessKeyId",
    "secretAccessKey",
    "sessionToken",
    "expiration",
    "credentialScope",
    "accountId",
    "$source",
];

/// Edit distance, for the suggestion (names are short; quadratic is fine).
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The valid name `name` was most likely meant to be.
pub fn nearest<'a>(name: &str, allowed: &[&[&'a str]]) -> Option<&'a str> {
    let all = allowed.iter().flat_map(|l| l.iter().copied());
    if let Some(same) = all.clone().find(|a| a.eq_ignore_ascii_case(name)) {
        return Some(same);
    }
    let lower = name.to_ascii_lowercase();
    all.map(|a| (distance(&lower, &a.to_ascii_lowercase()), a))
        .filter(|(d, a)| *d <= 3.max(a.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

/// Refuses the first of `names` not in `allowed`: `UnknownOption`, the name as `field`.
pub fn check<'n>(
    names: impl IntoIterator<Item = &'n str>,
    allowed: &[&[&str]],
    prefix: &str,
) -> Result<(), Error> {
    for name in names {
        if allowed.iter().any(|l| l.contains(&name)) {
            continue;
        }
        let field = format!("{prefix}{name}");
        let hint = nearest(name, allowed)
            .map(|n| format!("; did you mean `{prefix}{n}`?"))
            .unwrap_or_default();
        return Err(Error::invalid(
            "UnknownOption",
            &field,
            format!("`{field}` is not an option of this call{hint}"),
        ));
    }
    Ok(())
}

/// What a scalar option must be, for type errors that name the option in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A whole number of at least this (seconds, bytes, counts).
    Whole(i64),
    Flag,
}

/// The kind of each scalar option the entry points take (others are objects, lists or
/// functions, read by their own readers).
pub fn kind(name: &str) -> Option<(Kind, &'static str)> {
    Some(match name {
        // Any whole number: a past expiry is the core's ExpirationNotInFuture, not a type error.
        "expiresIn" => (Kind::Whole(i64::MIN), "a whole number of seconds"),
        "contentLength" => (Kind::Whole(0), "a non-negative integer (bytes)"),
        "partNumber" | "partNumberMarker" | "maxParts" => (Kind::Whole(0), "a whole number"),
        "partSize" => (Kind::Whole(1), "a whole number of bytes"),
        "concurrency" => (Kind::Whole(1), "a whole number of parts in flight"),
        "chunkSize" => (Kind::Whole(1), "a whole number of bytes"),
        "stallTimeoutMs" | "resumeMaxAgeMs" => (Kind::Whole(0), "a whole number of milliseconds"),
        "trafficLimit" => (Kind::Whole(0), "a whole number of bits per second"),
        "pathStyle" | "signContentLength" | "presign" | "forbidOverwrite" | "isEncrypt"
        | "resume" | "worker" => (Kind::Flag, "true or false"),
        "dialect"
        | "version"
        | "endpoint"
        | "bucket"
        | "region"
        | "key"
        | "operation"
        | "uploadId"
        | "acl"
        | "storageClass"
        | "cacheControl"
        | "contentDisposition"
        | "contentEncoding"
        | "contentType"
        | "expires"
        | "serverSideEncryption"
        | "serverSideEncryptionKeyId"
        | "serverSideDataEncryption"
        | "sseCustomerAlgorithm"
        | "sseCustomerKey"
        | "websiteRedirectLocation"
        | "objectLockMode"
        | "objectLockRetainUntilDate"
        | "successActionRedirect"
        | "checksumAlgorithm"
        | "accessKeyId"
        | "secretAccessKey"
        | "sessionToken"
        | "versionId"
        | "responseContentType"
        | "responseContentLanguage"
        | "responseExpires"
        | "responseCacheControl"
        | "responseContentDisposition"
        | "responseContentEncoding" => (Kind::Text, "a string"),
        _ => return None,
    })
}

/// The type error for `field`, which must be `what`.
pub fn wrong_type(field: &str, what: &str) -> Error {
    Error::invalid(
        "InvalidOptionType",
        field,
        format!("`{field}` must be {what}"),
    )
}
