//! Access keys, passed in by the caller (temporary ones where possible). `Debug` never shows the
//! secret, so a credential can be logged by accident without leaking it.

use std::fmt;

/// An access key pair, with the session token of temporary (STS) credentials.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    // Defaults let `{ sessionToken }` alone deserialize (the CMS token PUT uses only the token);
    // every signing dialect still refuses an empty key id or secret (`validate::credentials`).
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
}

impl Credentials {
    /// Credentials without a session token.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token: None,
        }
    }

    /// The session token, if any and not empty.
    pub fn token(&self) -> Option<&str> {
        self.session_token.as_deref().filter(|t| !t.is_empty())
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field("session_token", &self.token().map(|_| "<redacted>"))
            .finish()
    }
}
