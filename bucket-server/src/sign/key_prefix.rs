//! The demo backend's key rule: it signs keys under one folder only, checked segment by segment
//! so that no key climbs out of it. `/sign` and `sign_multipart` apply the same rule.

use super::{invalid, KEY_FOLDER};
use serde_json::Value;

/// The key's first segment must be [`KEY_FOLDER`] and no segment may be empty, `.` or `..`.
/// A character prefix check passed `uploads/../../x`, which a bucket storing keys as paths (the
/// local one did) writes outside the folder.
pub(crate) fn check_key_prefix(key: &str) -> Result<(), (u16, Value)> {
    let refuse = |why: String| {
        let message = format!("this backend signs keys under {KEY_FOLDER}/ only: {why}");
        Err(invalid(403, "KeyNotAllowed", message, Some("key")))
    };
    if let Some(reason) = crate::object_key::unsafe_key_reason(key) {
        return refuse(reason.to_string());
    }
    match key.split_once('/') {
        Some((KEY_FOLDER, _)) => Ok(()),
        _ => refuse(format!(
            "the first segment of {key:?} is not {KEY_FOLDER:?}"
        )),
    }
}
