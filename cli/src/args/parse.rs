//! The parser: `--flag value` and `--flag=value`, the two boolean flags that may stand alone,
//! and the checks that need no core (a required flag missing, a single-valued flag given twice).

use super::{Args, Body, Command};
use bucket_upload::{Dialect, SigVersion};

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
