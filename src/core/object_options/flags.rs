//! The two boolean vendor flags, sent as `true`/`false`:
//! - OSS `x-oss-forbid-overwrite` (seed 001; seed 004 `--forbid-overwrite`; a PostObject form
//!   field of the same name);
//! - CMS `x-cms-isEncrypt`, "whether the file is encrypted" (seed 000).

use super::{unsupported, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    _t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    if let Some(forbid) = o.forbid_overwrite {
        if d != Dialect::Oss {
            return Err(unsupported("forbidOverwrite", d));
        }
        out.push(
            "forbidOverwrite",
            "x-oss-forbid-overwrite",
            forbid.to_string(),
        );
    }
    if let Some(encrypt) = o.is_encrypt {
        if d != Dialect::Cms {
            return Err(unsupported("isEncrypt", d));
        }
        out.push("isEncrypt", "x-cms-isEncrypt", encrypt.to_string());
    }
    Ok(())
}
