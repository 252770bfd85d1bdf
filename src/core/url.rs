//! Where requests go: the bucket's URL for POST forms, the object's URL and the `Host` header for
//! PUT, in path style (`endpoint/bucket/key`) or virtual-hosted style (`bucket.endpoint/key`).
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html>.

use crate::core::encode::uri_encode;
use crate::core::error::Error;

/// A parsed endpoint plus bucket: everything needed to address objects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketAddress {
    /// `http` or `https`.
    pub scheme: String,
    /// The `Host` header value a browser sends: host, plus the port unless it is the default.
    pub host: String,
    /// The encoded path of the bucket without a trailing slash: `/bucket` (path style), or `` .
    pub bucket_path: String,
    pub bucket: String,
}

impl BucketAddress {
    /// Parses `endpoint` (`http[s]://host[:port]`) and places `bucket` in the path or the host.
    pub fn new(endpoint: &str, bucket: &str, path_style: bool) -> Result<Self, Error> {
        let bad = |why: &str| {
            Error::invalid(
                "InvalidEndpoint",
                "endpoint",
                format!("endpoint \"{endpoint}\" {why}"),
            )
        };
        let (scheme, rest) = endpoint
            .split_once("://")
            .ok_or_else(|| bad("needs http:// or https://"))?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "http" => ":80",
            "https" => ":443",
            _ => return Err(bad("needs http:// or https://")),
        };
        let authority = rest.trim_end_matches('/');
        if authority.is_empty() || authority.contains(['/', '?', '#', '@', ' ']) {
            return Err(bad(
                "must be scheme://host[:port] with no path, query or user",
            ));
        }
        // Browsers drop a default port from the Host header; the signed Host must match.
        let authority = authority
            .strip_suffix(default_port)
            .unwrap_or(authority)
            .to_ascii_lowercase();
        if bucket.is_empty() {
            return Err(Error::invalid(
                "InvalidBucketName",
                "bucket",
                "the bucket name is empty",
            ));
        }
        let (host, bucket_path) = if path_style {
            (authority, format!("/{}", uri_encode(bucket, false)))
        } else {
            if let Some(why) = not_a_host_label(bucket) {
                return Err(Error::invalid(
                    "InvalidBucketName",
                    "bucket",
                    format!("bucket \"{bucket}\" cannot be a host name ({why}); use pathStyle"),
                ));
            }
            (format!("{bucket}.{authority}"), String::new())
        };
        Ok(BucketAddress {
            scheme,
            host,
            bucket_path,
            bucket: bucket.to_string(),
        })
    }

    /// The POST Object form's `action`: the bucket's URL.
    pub fn post_url(&self) -> String {
        if self.bucket_path.is_empty() {
            format!("{}://{}/", self.scheme, self.host)
        } else {
            format!("{}://{}{}", self.scheme, self.host, self.bucket_path)
        }
    }

    /// The encoded path of an object: every byte of the key percent-encoded except unreserved
    /// characters and `/` (S3 does not normalize paths, so the key is encoded exactly once).
    pub fn object_path(&self, key: &str) -> String {
        format!("{}/{}", self.bucket_path, uri_encode(key, true))
    }

    /// The object's URL without a query.
    pub fn object_url(&self, key: &str) -> String {
        format!("{}://{}{}", self.scheme, self.host, self.object_path(key))
    }

    /// The SigV2 canonical resource: `/bucket/encoded-key` in either style.
    pub fn v2_resource(&self, key: &str) -> String {
        format!("/{}/{}", self.bucket, uri_encode(key, true))
    }
}

/// Why `bucket` cannot lead a virtual-hosted host name, if it cannot: the bucket naming rules
/// S3, OSS and OBS share — 3 to 63 characters of lowercase letters, digits, `.` and `-`,
/// starting and ending with a letter or digit, no empty label, not an IP address. S3:
/// <https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html>; OSS
/// <https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions> (no `.`
/// at all: left to OSS, whose own answer names the rule); OBS
/// <https://support.huaweicloud.com/intl/en-us/ugobs-obs/obs_41_0008.html>.
fn not_a_host_label(bucket: &str) -> Option<&'static str> {
    let b = bucket.as_bytes();
    if !(3..=63).contains(&b.len()) {
        return Some("3 to 63 characters");
    }
    if !b
        .iter()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'.' || *c == b'-')
    {
        return Some("only lowercase letters, digits, '.' and '-'");
    }
    let alnum = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    if !alnum(&b[0]) || !alnum(&b[b.len() - 1]) {
        return Some("it must start and end with a letter or a digit");
    }
    if bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.") {
        return Some("each dot-separated label must start and end with a letter or a digit");
    }
    let labels: Vec<&str> = bucket.split('.').collect();
    if labels.len() == 4 && labels.iter().all(|l| l.bytes().all(|c| c.is_ascii_digit())) {
        return Some("it must not look like an IP address");
    }
    None
}
