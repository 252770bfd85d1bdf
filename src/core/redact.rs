//! Secrets kept out of the intermediate strings the signers return (string to sign, canonical
//! request): they are for printing and for comparing with a server's SignatureDoesNotMatch
//! message, and end up in logs and on demo pages. SigV2-style strings (S3 V2, OSS V1, OBS)
//! carry the session token in clear; SigV4-style ones only its hash.

/// `text` with every occurrence of the session token (as is, or percent-encoded) replaced.
pub(crate) fn redact_token(text: &str, token: Option<&str>) -> String {
    match token {
        Some(t) if !t.is_empty() => text
            .replace(t, "<redacted>")
            .replace(&crate::core::encode::uri_encode(t, false), "<redacted>"),
        _ => text.to_string(),
    }
}
