//! The CMS token PUT of seed 000: `PUT /object/{bucket}/{objectName}` with an `Authentication`
//! token header and `x-cms-*` headers. Nothing is signed: the token is the credential.
//!
//! **Token.** The token is `credentials.sessionToken` (no new option: it is the credential of
//! the request, and `Credentials`' `Debug` already redacts it); `accessKeyId` and
//! `secretAccessKey` are not used and may be empty.
//!
//! **URL.** Always `endpoint/object/{bucket}/{objectName}` (the path of seed 000, whatever
//! `pathStyle` says), the object name percent-encoded per RFC 3986 with `/` kept, as for the
//! other dialects.
//!
//! **Headers.** Passed through from `headers`: `Content-MD5`, `x-cms-isEncrypt` (`true` or
//! `false`), `x-cms-callback` (an `http(s)://` URL), `x-cms-meta-*` (at most 8 KB of names after
//! the prefix plus values, seed 000), `Content-Type`; then those of the typed object options
//! (`isEncrypt`, `callback`, `metadata`, `contentMd5`, …).

mod put_headers;

pub use put_headers::sign_put_headers;

/// The header that carries the token (seed 000 spells it `Authentication`, not `Authorization`).
pub const TOKEN_HEADER: &str = "Authentication";
/// The user-metadata prefix.
pub const META_PREFIX: &str = "x-cms-meta-";
/// "…长度不能超过8KB": the metadata limit of seed 000, names after the prefix plus values.
pub const MAX_METADATA_BYTES: usize = 8 * 1024;
