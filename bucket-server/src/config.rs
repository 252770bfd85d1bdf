//! Command-line configuration, parsed by hand so the binary needs no argument-parsing crate.

use std::path::PathBuf;

/// Access key used when neither `--access-key` nor `BUCKET_ACCESS_KEY` is given.
pub const DEMO_ACCESS_KEY: &str = "AKIDEMO00000000000000";
/// Secret used when neither `--secret-key` nor `BUCKET_SECRET_KEY` is given. Demo only: the server
/// listens on loopback and prints it at start so the page and tests can use it.
pub const DEMO_SECRET_KEY: &str = "bucketUploadDemoSecretKey000000000000000";

/// Printed for `--help` and after a usage error.
pub const USAGE: &str = "\
usage: bucket-server [options]
  --host HOST          address to listen on (default 127.0.0.1: loopback only)
  --bucket-port PORT   S3 endpoint port, 0 picks a free one (default 9000)
  --www-port PORT      demo page and /sign port, 0 picks a free one (default 8080)
  --data DIR           where objects are stored, as DIR/<bucket>/<key> (default ./.bucket-data)
  --bucket NAME        bucket created as a folder at start if missing (default demo)
  --www DIR            static files served on the www port (default: the repo's www/)
  --pkg DIR            the built npm package, served under /pkg/ (default: the repo's pkg/)
  --remote-endpoint URL  sign for this S3 endpoint instead of starting the local bucket
  --region REGION      signing region (default us-east-1)
  --virtual-hosted     address the remote bucket as bucket.host (default: path style)
  --access-key KEY     default: $BUCKET_ACCESS_KEY, else a demo key
  --secret-key SECRET  default: $BUCKET_SECRET_KEY, else a demo secret
                       ($BUCKET_SESSION_TOKEN: the session token of temporary credentials)
  --log LEVEL          diagnostics on stderr: error, warn, info, debug, trace (default off)";

/// Everything the server needs to start; built from the command line and the environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address both listeners bind to.
    pub host: String,
    /// Port of the S3 listener (0: the OS picks one).
    pub bucket_port: u16,
    /// Port of the page + `/sign` listener (0: the OS picks one).
    pub www_port: u16,
    /// Root folder of s3s-fs; a bucket is a sub-folder.
    pub data_dir: PathBuf,
    /// Bucket created at start.
    pub bucket: String,
    /// Folder served as static files.
    pub www_dir: PathBuf,
    /// The built npm package, served under `/pkg/`.
    pub pkg_dir: PathBuf,
    /// A real bucket's endpoint to sign for; `None` runs the embedded bucket.
    pub remote_endpoint: Option<String>,
    /// Signing region.
    pub region: String,
    /// Address the bucket in the path (`endpoint/bucket/key`) rather than the host.
    pub path_style: bool,
    /// Session token of temporary credentials (from `$BUCKET_SESSION_TOKEN`).
    pub session_token: Option<String>,
    /// The one access key the server accepts.
    pub access_key: String,
    /// Its secret. Never logged; printed once at start only.
    pub secret_key: String,
    /// Maximum tracing level written to stderr, or `None` for silence.
    pub log: Option<String>,
}

/// The outcome of parsing: run, or print the usage and exit successfully.
#[derive(Debug)]
pub enum Parsed {
    /// Start the server with this configuration.
    Run(Box<Config>),
    /// `--help` was given.
    Help,
}

impl Config {
    /// Parses the arguments (without the program name). `env` looks up environment variables; it is a
    /// parameter so tests need not touch the process environment.
    pub fn parse(
        args: impl IntoIterator<Item = String>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Parsed, String> {
        let non_empty = |name: &str| env(name).filter(|v| !v.is_empty());
        let mut cfg = Config {
            host: "127.0.0.1".into(),
            bucket_port: 9000,
            www_port: 8080,
            data_dir: PathBuf::from("./.bucket-data"),
            bucket: "demo".into(),
            // Resolved at compile time so the page is found whatever the working directory is.
            www_dir: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../www")),
            pkg_dir: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../pkg")),
            remote_endpoint: None,
            region: "us-east-1".into(),
            path_style: true,
            session_token: non_empty("BUCKET_SESSION_TOKEN"),
            access_key: non_empty("BUCKET_ACCESS_KEY").unwrap_or_else(|| DEMO_ACCESS_KEY.into()),
            secret_key: non_empty("BUCKET_SECRET_KEY").unwrap_or_else(|| DEMO_SECRET_KEY.into()),
            log: None,
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if arg == "-h" || arg == "--help" {
                return Ok(Parsed::Help);
            }
            // Accept both `--flag value` and `--flag=value`.
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
                _ => (arg, None),
            };
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or(format!("{flag} needs a value"))
            };
            match flag.as_str() {
                "--host" => cfg.host = value()?,
                "--bucket-port" => cfg.bucket_port = parse_port(&flag, &value()?)?,
                "--www-port" => cfg.www_port = parse_port(&flag, &value()?)?,
                "--data" => cfg.data_dir = value()?.into(),
                "--bucket" => cfg.bucket = value()?,
                "--www" => cfg.www_dir = value()?.into(),
                "--pkg" => cfg.pkg_dir = value()?.into(),
                "--remote-endpoint" => cfg.remote_endpoint = Some(value()?),
                "--region" => cfg.region = value()?,
                "--virtual-hosted" => cfg.path_style = false,
                "--access-key" => cfg.access_key = value()?,
                "--secret-key" => cfg.secret_key = value()?,
                "--log" => cfg.log = Some(value()?),
                _ => return Err(format!("unknown argument {flag:?}")),
            }
        }
        check_bucket_name(&cfg.bucket)?;
        if cfg.access_key.is_empty() || cfg.secret_key.is_empty() {
            return Err("the access key and the secret key must not be empty".into());
        }
        Ok(Parsed::Run(Box::new(cfg)))
    }
}

fn parse_port(flag: &str, v: &str) -> Result<u16, String> {
    v.parse()
        .map_err(|_| format!("{flag}: not a port number: {v:?}"))
}

/// The S3 naming rules that matter here: the name becomes a folder under the data dir, so it must not
/// escape it, and clients must be able to address it path-style.
fn check_bucket_name(name: &str) -> Result<(), String> {
    let ok_chars = name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    let ok_ends = name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    if (3..=63).contains(&name.len()) && ok_chars && ok_ends && !name.contains("..") {
        Ok(())
    } else {
        Err(format!(
            "invalid bucket name {name:?}: use 3-63 lowercase letters, digits, '-' or '.'"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Parsed, String> {
        Config::parse(args.iter().map(|s| s.to_string()), |_| None)
    }

    #[test]
    fn defaults_and_overrides() {
        let Parsed::Run(c) =
            parse(&["--bucket-port", "0", "--www-port=0", "--bucket", "b-1"]).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            (
                c.host.as_str(),
                c.bucket_port,
                c.www_port,
                c.bucket.as_str()
            ),
            ("127.0.0.1", 0, 0, "b-1")
        );
        assert_eq!(c.access_key, DEMO_ACCESS_KEY);
    }

    #[test]
    fn env_supplies_credentials() {
        let env = |k: &str| Some(format!("{k}-value"));
        let Parsed::Run(c) = Config::parse(Vec::new(), env).unwrap() else {
            panic!()
        };
        assert_eq!(c.secret_key, "BUCKET_SECRET_KEY-value");
    }

    #[test]
    fn rejects_bad_input() {
        assert!(parse(&["--bucket-port", "x"]).is_err());
        assert!(parse(&["--bucket", "../etc"]).is_err());
        assert!(parse(&["--nope"]).is_err());
        assert!(parse(&["--data"]).is_err());
        assert!(matches!(parse(&["--help"]), Ok(Parsed::Help)));
    }
}
