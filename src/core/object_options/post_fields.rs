//! The POST-only form fields: `success_action_redirect` (where the browser is sent with a 303
//! after a successful upload) and `success_action_status` (200, 201 or 204; the default is 204).
//! Seed 002 (OBS); S3: <https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html>;
//! OSS PostObject: <https://www.alibabacloud.com/help/en/oss/developer-reference/postobject>.
//! A PUT has neither.

use super::{check_value, given, unsupported, wrong_target, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;

pub(crate) const STATUSES: &[&str] = &["200", "201", "204"];

/// `successActionStatus`: a number or a numeric string (`201` or `"201"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuccessActionStatus(pub String);

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    const REDIRECT: &str = "successActionRedirect";
    const STATUS: &str = "successActionStatus";
    let redirect = given(&o.success_action_redirect);
    let status = o
        .success_action_status
        .as_ref()
        .map(|s| s.0.as_str())
        .filter(|s| !s.is_empty());
    let option = match (redirect, status) {
        (None, None) => return Ok(()),
        (Some(_), _) => REDIRECT,
        (None, Some(_)) => STATUS,
    };
    if d == Dialect::Cms {
        return Err(unsupported(option, d));
    }
    if t == Target::Put {
        return Err(wrong_target(option, t));
    }
    if let Some(url) = redirect {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(Error::invalid(
                "InvalidSuccessActionRedirect",
                REDIRECT,
                format!("{REDIRECT} must be an http:// or https:// URL"),
            ));
        }
        check_value(REDIRECT, url, t)?;
        out.push(REDIRECT, "success_action_redirect", url);
    }
    if let Some(status) = status {
        if !STATUSES.contains(&status) {
            let hint = if status == "303" {
                "; a 303 is what the server answers when successActionRedirect is set"
            } else {
                ""
            };
            return Err(Error::invalid(
                "InvalidSuccessActionStatus",
                STATUS,
                format!(
                    "{STATUS} {status} is not one of {}{hint}",
                    STATUSES.join(", ")
                ),
            ));
        }
        out.push(STATUS, "success_action_status", status);
    }
    Ok(())
}
