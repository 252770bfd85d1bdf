//! Credentials from the environment, never from the command line: arguments show up in `ps`
//! and shell history, environment variables do not.
//!
//! Precedence: a whole set wins, never a key id from one set and a secret from another (which
//! would be a pair that cannot sign anything). First the project's own `BUCKET_*` set (the names
//! bucket-server reads too), then the
//! dialect's usual one (`OSS_*` for OSS, `AWS_*` otherwise — OBS's S3-compatible API and most
//! S3-compatible stores read `AWS_*`), then the other. CMS uses the token alone.

use bucket_upload::{Credentials, Dialect};

/// One set of variable names: key id, secret, session token.
struct Source {
    key_id: &'static str,
    secret: &'static str,
    token: &'static str,
}

const BUCKET: Source = Source {
    key_id: "BUCKET_ACCESS_KEY",
    secret: "BUCKET_SECRET_KEY",
    token: "BUCKET_SESSION_TOKEN",
};
const AWS: Source = Source {
    key_id: "AWS_ACCESS_KEY_ID",
    secret: "AWS_SECRET_ACCESS_KEY",
    token: "AWS_SESSION_TOKEN",
};
const OSS: Source = Source {
    key_id: "OSS_ACCESS_KEY_ID",
    secret: "OSS_ACCESS_KEY_SECRET",
    token: "OSS_SESSION_TOKEN",
};

/// The sets to try, in order, for `dialect`.
fn order(dialect: Dialect) -> [Source; 3] {
    match dialect {
        Dialect::Oss => [BUCKET, OSS, AWS],
        _ => [BUCKET, AWS, OSS],
    }
}

/// The credentials `env` holds for `dialect` (`env` is `std::env::var` in the binary, a map in
/// tests). `None` when no set is complete; the error message then lists the names to set.
pub fn from_env(dialect: Dialect, env: impl Fn(&str) -> Option<String>) -> Option<Credentials> {
    let get = |name: &str| env(name).filter(|v| !v.is_empty());
    for s in order(dialect) {
        let token = get(s.token);
        if dialect == Dialect::Cms {
            // The CMS token PUT signs nothing: the token is the whole credential.
            if token.is_some() {
                return Some(Credentials {
                    access_key_id: String::new(),
                    secret_access_key: String::new(),
                    session_token: token,
                });
            }
            continue;
        }
        if let (Some(id), Some(secret)) = (get(s.key_id), get(s.secret)) {
            return Some(Credentials {
                access_key_id: id,
                secret_access_key: secret,
                session_token: token,
            });
        }
    }
    None
}

/// What to tell a user who has set none of them.
pub fn missing_message(dialect: Dialect) -> String {
    let [first, second, _] = order(dialect);
    if dialect == Dialect::Cms {
        return format!("no credentials: set {} (the CMS token)", first.token);
    }
    format!(
        "no credentials: set {} and {} (or {} and {}); see --help",
        first.key_id, first.secret, second.key_id, second.secret
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn bucket_set_wins_and_brings_its_own_token() {
        let vars = [
            ("AWS_ACCESS_KEY_ID", "aws"),
            ("AWS_SECRET_ACCESS_KEY", "aws-secret"),
            ("AWS_SESSION_TOKEN", "aws-token"),
            ("BUCKET_ACCESS_KEY", "bucket"),
            ("BUCKET_SECRET_KEY", "bucket-secret"),
        ];
        let c = from_env(Dialect::S3, env(&vars)).unwrap();
        assert_eq!(c.access_key_id, "bucket");
        assert_eq!(c.secret_access_key, "bucket-secret");
        // The AWS token belongs to the AWS key, not to this one.
        assert_eq!(c.session_token, None);
    }

    #[test]
    fn dialect_picks_its_usual_set_first() {
        let vars = [
            ("AWS_ACCESS_KEY_ID", "aws"),
            ("AWS_SECRET_ACCESS_KEY", "aws-secret"),
            ("OSS_ACCESS_KEY_ID", "oss"),
            ("OSS_ACCESS_KEY_SECRET", "oss-secret"),
            ("OSS_SESSION_TOKEN", "oss-token"),
        ];
        assert_eq!(
            from_env(Dialect::S3, env(&vars)).unwrap().access_key_id,
            "aws"
        );
        assert_eq!(
            from_env(Dialect::Obs, env(&vars)).unwrap().access_key_id,
            "aws"
        );
        let oss = from_env(Dialect::Oss, env(&vars)).unwrap();
        assert_eq!(oss.access_key_id, "oss");
        assert_eq!(oss.token(), Some("oss-token"));
    }

    #[test]
    fn incomplete_or_empty_sets_are_skipped() {
        let vars = [
            ("BUCKET_ACCESS_KEY", "half"),
            ("BUCKET_SECRET_KEY", ""),
            ("OSS_ACCESS_KEY_ID", "oss"),
            ("OSS_ACCESS_KEY_SECRET", "oss-secret"),
        ];
        assert_eq!(
            from_env(Dialect::S3, env(&vars)).unwrap().access_key_id,
            "oss"
        );
        assert!(from_env(Dialect::S3, env(&[("AWS_ACCESS_KEY_ID", "a")])).is_none());
    }

    #[test]
    fn cms_takes_the_token_alone() {
        let c = from_env(Dialect::Cms, env(&[("OSS_SESSION_TOKEN", "t")])).unwrap();
        assert_eq!(c.token(), Some("t"));
        assert!(from_env(Dialect::Cms, env(&[("AWS_ACCESS_KEY_ID", "a")])).is_none());
        assert!(missing_message(Dialect::Cms).contains("BUCKET_SESSION_TOKEN"));
    }
}
