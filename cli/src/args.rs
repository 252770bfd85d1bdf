//! The command line, parsed by hand (as `bucket-server` does) so the binary needs no
//! argument-parsing crate. Flag names follow ossutil's `put-object` (seed 004); values are
//! passed on as given: every rule about them lives in the core, which checks them before anything
//! is sent.

use bucket_upload::{Dialect, SigVersion};

/// Printed for `--help`, and pointed to after a usage error.
pub const HELP: &str = "\
put-object: upload one object to a bucket (S3, Alibaba OSS, Huawei OBS or CMS).

usage: put-object --bucket B --key K --body file://PATH|TEXT [flags]

The body is read twice: once to hash it 1 MiB at a time (Content-MD5, and the CRC-64 OSS
reports), once to stream it to the server, so a file of any size uploads in constant memory.

object:
  --bucket NAME                        the bucket
  --key KEY                            the object's full path
  --body file://PATH | TEXT            a file to upload, or the text itself
  --metadata NAME=VALUE                user metadata, repeatable (the dialect's x-*-meta- prefix is added)
  --tagging 'TagA=A&TagB=B'            object tags, URL-encoded for you
  --object-acl ACL                     canned ACL in the dialect's list (private, public-read, ...)
  --storage-class CLASS                in the dialect's spelling (S3 STANDARD_IA, OSS IA, OBS WARM, ...)
  --forbid-overwrite [true|false]      OSS: refuse to replace an existing object (alone: true)
  --cache-control VALUE
  --content-disposition VALUE
  --content-encoding VALUE
  --content-type VALUE                 none is sent unless given
  --expires HTTP-DATE                  the stored object's Expires header
  --server-side-encryption ALG         S3 AES256|aws:kms|aws:kms:dsse|aws:fsx, OSS AES256|KMS, OBS kms|AES256
  --server-side-data-encryption ALG    OSS, with KMS: SM4
  --server-side-encryption-key-id ID   the KMS key, with a KMS algorithm

where and how:
  --dialect s3|oss|obs|cms             the protocol (default s3)
  --signature-version v2|v4            default v4, but v2 for obs (its native API has only the
                                       OBS signature); for oss, v2 means OSS V1 (HMAC-SHA1)
  --endpoint URL                       http(s)://host[:port]; default from --region for s3
                                       (s3.REGION.amazonaws.com), oss (oss-REGION.aliyuncs.com)
                                       and obs (obs.REGION.myhuaweicloud.com); cms needs one
  --region REGION                      signing region (default us-east-1)
  --path-style                         endpoint/bucket/key instead of bucket.endpoint/key
  -h, --help                           this text

credentials, from the environment (never from the command line, never printed):
  the first set whose key id and secret are both non-empty wins, and the session token comes
  from that same set:
    1. BUCKET_ACCESS_KEY, BUCKET_SECRET_KEY, BUCKET_SESSION_TOKEN
    2. the dialect's own: AWS_* for s3 and obs, OSS_* for oss
    3. the other one: OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET, OSS_SESSION_TOKEN
                      or AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN
  cms uses only the token: the first non-empty *_SESSION_TOKEN in the same order.

output: `name: value` lines on stdout: etag (checked against the MD5 unless KMS-encrypted),
  version id, request id, crc64ecma (when OSS sends one; checked against the body's), md5, size.
errors: one line on stderr, `error: CODE (--FLAG): MESSAGE` for bad input,
  `error: CODE: MESSAGE (HTTP STATUS, request id ID[, EC ...])` for a refusal.
exit status: 0 uploaded and verified; 1 the request failed (server refusal, network, checksum
mismatch, body unreadable while sending); 2 bad command line or input, nothing was sent.";

/// Everything the command line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    pub bucket: String,
    pub key: String,
    pub body: Body,
    pub metadata: Vec<(String, String)>,
    pub tagging: Option<String>,
    pub object_acl: Option<String>,
    pub storage_class: Option<String>,
    pub forbid_overwrite: Option<bool>,
    pub cache_control: Option<String>,
    pub content_disposition: Option<String>,
    pub content_encoding: Option<String>,
    pub content_type: Option<String>,
    pub expires: Option<String>,
    pub server_side_encryption: Option<String>,
    pub server_side_data_encryption: Option<String>,
    pub server_side_encryption_key_id: Option<String>,
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub dialect: Dialect,
    /// `None`: the dialect's default ([`version`]).
    pub version: Option<SigVersion>,
    pub path_style: bool,
}

/// Where the bytes come from: ossutil's `file://PATH`, or anything else taken as the text itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Body {
    File(std::path::PathBuf),
    Text(String),
    #[default]
    Missing,
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Put(Box<Args>),
    Help,
}

/// The flags that take a value.
const VALUED: [&str; 19] = [
    "--bucket",
    "--key",
    "--body",
    "--metadata",
    "--tagging",
    "--object-acl",
    "--storage-class",
    "--cache-control",
    "--content-disposition",
    "--content-encoding",
    "--content-type",
    "--expires",
    "--server-side-encryption",
    "--server-side-data-encryption",
    "--server-side-encryption-key-id",
    "--endpoint",
    "--region",
    "--dialect",
    "--signature-version",
];

/// Parses the arguments after the program name. The error is a one-line usage message.
pub fn parse(argv: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut a = Args::default();
    let mut argv = argv.into_iter().peekable();
    while let Some(arg) = argv.next() {
        // `--flag=value` and `--flag value` are the same thing.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--path-style" => a.path_style = flag_bool(&flag, inline, &mut argv)?,
            // ossutil spells it `--forbid-overwrite true`; alone it means true.
            "--forbid-overwrite" => a.forbid_overwrite = Some(flag_bool(&flag, inline, &mut argv)?),
            f if !VALUED.contains(&f) => return Err(format!("unknown argument {f:?}")),
            _ => {
                let value = match inline {
                    Some(v) => v,
                    None => argv.next().ok_or_else(|| format!("{flag} needs a value"))?,
                };
                set(&mut a, &flag, value)?;
            }
        }
    }
    if a.bucket.is_empty() {
        return Err("--bucket is required".into());
    }
    if a.key.is_empty() {
        return Err("--key is required".into());
    }
    if a.body == Body::Missing {
        return Err("--body is required (file://PATH or the text itself)".into());
    }
    Ok(Command::Put(Box::new(a)))
}

/// Sets the option a valued flag names.
fn set(a: &mut Args, flag: &str, value: String) -> Result<(), String> {
    let slot = match flag {
        "--bucket" => {
            a.bucket = value;
            return Ok(());
        }
        "--key" => {
            a.key = value;
            return Ok(());
        }
        "--body" => {
            a.body = match value.strip_prefix("file://") {
                Some("") => return Err("--body file:// needs a path".into()),
                Some(path) => Body::File(path.into()),
                None => Body::Text(value),
            };
            return Ok(());
        }
        "--metadata" => {
            // Split at the first `=`: a value may contain `=`, a name may not.
            let (name, v) = value
                .split_once('=')
                .ok_or_else(|| format!("--metadata takes NAME=VALUE, not {value:?}"))?;
            a.metadata.push((name.to_string(), v.to_string()));
            return Ok(());
        }
        "--dialect" => {
            a.dialect = match value.to_ascii_lowercase().as_str() {
                "s3" => Dialect::S3,
                "oss" => Dialect::Oss,
                "obs" => Dialect::Obs,
                "cms" => Dialect::Cms,
                _ => return Err(format!("--dialect is s3, oss, obs or cms, not {value:?}")),
            };
            return Ok(());
        }
        "--signature-version" => {
            a.version = match value.to_ascii_lowercase().as_str() {
                "v2" | "2" => Some(SigVersion::V2),
                "v4" | "4" => Some(SigVersion::V4),
                _ => return Err(format!("--signature-version is v2 or v4, not {value:?}")),
            };
            return Ok(());
        }
        "--tagging" => &mut a.tagging,
        "--object-acl" => &mut a.object_acl,
        "--storage-class" => &mut a.storage_class,
        "--cache-control" => &mut a.cache_control,
        "--content-disposition" => &mut a.content_disposition,
        "--content-encoding" => &mut a.content_encoding,
        "--content-type" => &mut a.content_type,
        "--expires" => &mut a.expires,
        "--server-side-encryption" => &mut a.server_side_encryption,
        "--server-side-data-encryption" => &mut a.server_side_data_encryption,
        "--server-side-encryption-key-id" => &mut a.server_side_encryption_key_id,
        "--endpoint" => &mut a.endpoint,
        "--region" => &mut a.region,
        _ => return Err(format!("unknown argument {flag:?}")),
    };
    // A single-valued option given twice is more likely a mistake than an override.
    if slot.is_some() {
        return Err(format!("{flag} is given twice"));
    }
    *slot = Some(value);
    Ok(())
}

/// A boolean flag: `--flag`, `--flag=true|false`, or `--flag true|false`.
fn flag_bool(
    flag: &str,
    inline: Option<String>,
    argv: &mut std::iter::Peekable<impl Iterator<Item = String>>,
) -> Result<bool, String> {
    let word = match inline {
        Some(v) => v,
        None => match argv.peek().map(|v| v.to_ascii_lowercase()) {
            Some(v) if v == "true" || v == "false" => argv.next().unwrap_or_default(),
            _ => return Ok(true),
        },
    };
    match word.to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(format!("{flag} is true or false, not {word:?}")),
    }
}

/// The signature version: `--signature-version`, else V4 except for OBS's native API, which
/// has only its V2-style `OBS AK:sig` (the core refuses V4 there).
pub fn version(a: &Args) -> SigVersion {
    a.version.unwrap_or(match a.dialect {
        Dialect::Obs => SigVersion::V2,
        _ => SigVersion::V4,
    })
}

/// The endpoint to use: `--endpoint`, else the vendor's public one for the region.
pub fn endpoint(a: &Args, region: &str) -> Result<String, String> {
    if let Some(e) = &a.endpoint {
        return Ok(e.clone());
    }
    match a.dialect {
        Dialect::S3 => Ok(format!("https://s3.{region}.amazonaws.com")),
        // OSS region ids are written with or without the `oss-` prefix.
        Dialect::Oss => Ok(format!(
            "https://oss-{}.aliyuncs.com",
            region.strip_prefix("oss-").unwrap_or(region)
        )),
        Dialect::Obs => Ok(format!("https://obs.{region}.myhuaweicloud.com")),
        Dialect::Cms => Err("--dialect cms needs --endpoint".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(args: &[&str]) -> Result<Args, String> {
        match parse(args.iter().map(|s| s.to_string()))? {
            Command::Put(a) => Ok(*a),
            Command::Help => Err("help".into()),
        }
    }

    const BASE: [&str; 6] = ["--bucket", "b", "--key", "k", "--body", "hi oss"];

    #[test]
    fn seed_004_examples() {
        let a = put(&[
            &BASE[..],
            &[
                "--metadata",
                "user=aliyun",
                "--metadata",
                "email=ali***@aliyuncs.com",
            ],
            &["--tagging", "TagA=A&TagB=B", "--object-acl", "private"],
            &["--storage-class", "IA", "--forbid-overwrite", "true"],
            &[
                "--server-side-encryption",
                "KMS",
                "--server-side-data-encryption",
                "SM4",
            ],
            &[
                "--server-side-encryption-key-id",
                "9468da86-3509-4f8d-a61e-6eab1eac****",
            ],
            &[
                "--content-disposition",
                "attachment;filename=oss_download.jpg",
            ],
        ]
        .concat())
        .unwrap();
        assert_eq!(a.body, Body::Text("hi oss".into()));
        assert_eq!(
            a.metadata,
            vec![
                ("user".into(), "aliyun".into()),
                ("email".into(), "ali***@aliyuncs.com".into())
            ]
        );
        assert_eq!(a.tagging.as_deref(), Some("TagA=A&TagB=B"));
        assert_eq!(a.forbid_overwrite, Some(true));
        assert_eq!(a.server_side_data_encryption.as_deref(), Some("SM4"));
        assert_eq!(
            a.content_disposition.as_deref(),
            Some("attachment;filename=oss_download.jpg")
        );
    }

    #[test]
    fn file_body_and_booleans() {
        let a = put(&[
            "--bucket=b",
            "--key=k",
            "--body=file://up/f.bin",
            "--path-style",
            "--forbid-overwrite",
        ])
        .unwrap();
        assert_eq!(a.body, Body::File("up/f.bin".into()));
        assert!(a.path_style);
        assert_eq!(a.forbid_overwrite, Some(true));
        let a =
            put(&[&BASE[..], &["--forbid-overwrite", "false", "--region", "r"]].concat()).unwrap();
        assert_eq!(a.forbid_overwrite, Some(false));
        assert_eq!(a.region.as_deref(), Some("r"));
        assert_eq!(version(&a), SigVersion::V4);
        let a = put(&[&BASE[..], &["--dialect", "OBS"]].concat()).unwrap();
        assert_eq!(version(&a), SigVersion::V2);
        let a = put(&[
            &BASE[..],
            &["--dialect", "oss", "--signature-version", "v2"],
        ]
        .concat())
        .unwrap();
        assert_eq!((a.dialect, version(&a)), (Dialect::Oss, SigVersion::V2));
        // `=` inside a metadata value stays in the value.
        let a = put(&[&BASE[..], &["--metadata", "q=a=b"]].concat()).unwrap();
        assert_eq!(a.metadata, vec![("q".into(), "a=b".into())]);
    }

    #[test]
    fn usage_errors() {
        assert!(put(&["--bucket", "b", "--key", "k"])
            .unwrap_err()
            .contains("--body"));
        assert!(put(&[&BASE[..], &["--nope", "x"]].concat())
            .unwrap_err()
            .contains("unknown"));
        assert!(put(&[&BASE[..], &["--metadata", "novalue"]].concat()).is_err());
        assert!(put(&[&BASE[..], &["--dialect", "gcs"]].concat()).is_err());
        assert!(put(&[&BASE[..], &["--forbid-overwrite=maybe"]].concat()).is_err());
        assert!(
            put(&[&BASE[..], &["--content-type", "a", "--content-type", "b"]].concat()).is_err()
        );
        assert!(put(&[&BASE[..], &["--region"]].concat())
            .unwrap_err()
            .contains("needs a value"));
        assert_eq!(parse(["--help".to_string()]), Ok(Command::Help));
    }

    #[test]
    fn default_endpoints() {
        let mut a = put(&BASE).unwrap();
        assert_eq!(
            endpoint(&a, "eu-west-1").unwrap(),
            "https://s3.eu-west-1.amazonaws.com"
        );
        a.dialect = Dialect::Oss;
        assert_eq!(
            endpoint(&a, "oss-cn-hangzhou").unwrap(),
            "https://oss-cn-hangzhou.aliyuncs.com"
        );
        a.dialect = Dialect::Cms;
        assert!(endpoint(&a, "x").is_err());
        a.endpoint = Some("http://127.0.0.1:9000".into());
        assert_eq!(endpoint(&a, "x").unwrap(), "http://127.0.0.1:9000");
    }
}
