//! Website redirect location: "must be prefixed by a slash (/), http://, or https://. The length
//! of the value cannot exceed 2 K" (seeds 002 and 003, `x-amz-website-redirect-location`, a POST
//! field of the same name; AWS:
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-to-page-redirect.html>). OBS native
//! sends `x-obs-website-redirect-location`. Seeds 000 and 001 have no redirect.

use super::{check_value, given, unsupported, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;

/// "2 K", in bytes.
pub(crate) const MAX_BYTES: usize = 2048;

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    const OPTION: &str = "websiteRedirectLocation";
    let Some(value) = given(&o.website_redirect_location) else {
        return Ok(());
    };
    let name = match d {
        Dialect::S3 => "x-amz-website-redirect-location",
        Dialect::Obs => "x-obs-website-redirect-location",
        _ => return Err(unsupported(OPTION, d)),
    };
    if !["/", "http://", "https://"]
        .iter()
        .any(|p| value.starts_with(p))
    {
        return Err(Error::invalid(
            "InvalidRedirectLocation",
            OPTION,
            format!("{OPTION} must start with /, http:// or https://"),
        ));
    }
    if value.len() > MAX_BYTES {
        return Err(Error::invalid(
            "RedirectLocationTooLong",
            OPTION,
            format!(
                "{OPTION} is {} bytes; the limit is {MAX_BYTES} (2 K)",
                value.len()
            ),
        ));
    }
    check_value(OPTION, value, t)?;
    out.push(OPTION, name, value);
    Ok(())
}
