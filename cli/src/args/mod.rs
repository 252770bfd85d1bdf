//! The command line, parsed by hand (as `bucket-server` does) so the binary needs no
//! argument-parsing crate. Flag names follow ossutil's `put-object` (seed 004); values are
//! passed on as given: every rule about them lives in the core, which checks them before anything
//! is sent.
//!
//! This file holds what the command line says ([`Args`], [`Body`], [`Command`]); the help text,
//! the parser and the dialect's defaults for what it leaves out are in their own files, and
//! re-exported here so `args::parse`, `args::HELP`, `args::version` and `args::endpoint` stay.

mod defaults;
mod help;
mod parse;
#[cfg(test)]
mod tests;

pub use defaults::{endpoint, version};
pub use help::HELP;
pub use parse::parse;

use bucket_upload::{Dialect, SigVersion};

/// Everything the command line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    pub bucket: String,
    pub key: String,
    pub body: Body,
    pub metadata: Vec<(String, String)>,
    pub tagging: Option<String>,
    pub object_acl: Option<String>,
    pub storage_class: Option<String>,
    pub forbid_overwrite: Option<bool>,
    pub cache_control: Option<String>,
    pub content_disposition: Option<String>,
    pub content_encoding: Option<String>,
    pub content_type: Option<String>,
    pub expires: Option<String>,
    pub server_side_encryption: Option<String>,
    pub server_side_data_encryption: Option<String>,
    pub server_side_encryption_key_id: Option<String>,
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub dialect: Dialect,
    /// `None`: the dialect's default ([`version`]).
    pub version: Option<SigVersion>,
    pub path_style: bool,
}

/// Where the bytes come from: ossutil's `file://PATH`, or anything else taken as the text itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Body {
    File(std::path::PathBuf),
    Text(String),
    #[default]
    Missing,
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Put(Box<Args>),
    Help,
}
