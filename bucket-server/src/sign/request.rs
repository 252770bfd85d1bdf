//! The `/sign` request body (all but `method: "multipart"`) and its parsing: the method, the
//! dialect and signature version, the key, the demo `scenario`, and the core's object options
//! flattened beside them.

use super::invalid;
use bucket_upload::{Dialect, ObjectOptions, SigVersion};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SignRequest {
    pub(super) method: String,
    #[serde(default)]
    pub(super) dialect: Dialect,
    #[serde(default)]
    pub(super) version: SigVersion,
    pub(super) key: String,
    pub(super) scenario: Option<String>,
    #[serde(flatten)]
    pub(super) object: ObjectOptions,
}

/// Reads a request body; a body serde cannot read is a 400 `InvalidRequest` with serde's message.
/// The method is checked later, when it is signed for (after the key and the scenario).
pub(super) fn parse(req_json: Value) -> Result<SignRequest, (u16, Value)> {
    serde_json::from_value(req_json)
        .map_err(|e| invalid(400, "InvalidRequest", e.to_string(), None))
}
