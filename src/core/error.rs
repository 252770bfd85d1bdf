//! One error type for everything the module reports: bad input (caught before any byte is sent),
//! server refusals (parsed from the XML body), network failures, aborts and integrity failures.

use std::fmt;

/// What kind of failure an [`Error`] is; `code` says exactly which one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The caller's input breaks a rule; nothing was sent. `field` names the input.
    Validation,
    /// The server answered with an error status (code, message and request id from its XML body).
    Server,
    /// The request did not complete (connection refused or reset, CORS failure).
    Network,
    /// The caller aborted through its `AbortSignal`.
    Aborted,
    /// The server accepted the upload but what it stored does not match what was sent.
    Integrity,
    /// The file could not be read (changed on disk, permission lost).
    Read,
}

/// The module's error: a machine-readable `code` to switch on, the offending `field` for
/// validation errors, and the server's `status` and `request_id` for server errors.
///
/// Messages never contain secret keys: nothing that builds one has access to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    pub status: Option<u16>,
    pub request_id: Option<String>,
    /// OSS's fine-grained error code (`<EC>` / `x-oss-ec`, e.g. `0003-00000001`), when sent.
    /// (`Box<str>`: keeps `Error` under clippy's large-`Err` threshold.)
    pub ec: Option<Box<str>>,
}

impl Error {
    /// A validation error: `code` is the rule broken, `field` the input that broke it.
    pub fn invalid(code: &str, field: &str, message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Validation,
            code: code.to_string(),
            message: message.into(),
            field: Some(field.to_string()),
            status: None,
            request_id: None,
            ec: None,
        }
    }

    /// An error of any other kind, without a field.
    pub fn new(kind: ErrorKind, code: &str, message: impl Into<String>) -> Self {
        Error {
            kind,
            code: code.to_string(),
            message: message.into(),
            field: None,
            status: None,
            request_id: None,
            ec: None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        if let Some(ec) = &self.ec {
            write!(f, " [EC {ec}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
