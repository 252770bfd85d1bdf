//! What the command line may leave out, filled in from the dialect: the signature version and
//! the vendor's public endpoint for the region.

use super::Args;
use bucket_upload::{Dialect, SigVersion};

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
