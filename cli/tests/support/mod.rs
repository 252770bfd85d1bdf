// Each test crate uses only part of this.
#![allow(dead_code)]

//! Test helpers: the real local bucket (`bucket-server`, s3s verifying SigV2/SigV4) on free
//! ports, the real `put-object` binary with a controlled environment, a peak-RSS reading of that
//! child (/proc/PID/status), and an independent read-back over raw HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

pub const AK: &str = "AKIDCLITEST000000000";
pub const SK: &str = "cli/test/secret/0000000000000000000000000";
pub const PUT_OBJECT: &str = env!("CARGO_BIN_EXE_put-object");

/// The `bucket-server` binary. `CARGO_BIN_EXE_*` exists only for the package's own binaries,
/// so it is the one beside `put-object` (same target dir, same profile), brought up to date
/// once per test run with `cargo build -p bucket-server`: a no-op after `cargo test --workspace`
/// (which builds it anyway), and what keeps `cargo test -p bucket-upload-cli` from testing
/// against a missing or stale server. Cargo holds no lock on the target dir while tests run.
pub fn bucket_server_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let dir = Path::new(PUT_OBJECT)
            .parent()
            .expect("a target profile dir");
        let profile = dir.file_name().and_then(|n| n.to_str()).unwrap_or("debug");
        let status = Command::new(option_env!("CARGO").unwrap_or("cargo"))
            .args(["build", "--quiet", "-p", "bucket-server", "--profile"])
            // The `dev` profile's folder is called `debug`.
            .arg(if profile == "debug" { "dev" } else { profile })
            .env("CARGO_TARGET_DIR", dir.parent().expect("a target dir"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("run cargo build -p bucket-server");
        assert!(status.success(), "cargo build -p bucket-server failed");
        dir.join(format!("bucket-server{}", std::env::consts::EXE_SUFFIX))
    })
}

/// A running `bucket-server`, killed and its folders removed on drop.
pub struct Server {
    child: Child,
    pub root: PathBuf,
    pub endpoint: String,
    pub addr: String,
    pub data_dir: PathBuf,
}

impl Server {
    pub fn start(name: &str) -> Server {
        let root =
            std::env::temp_dir().join(format!("put-object-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("www")).unwrap();
        let mut child = Command::new(bucket_server_bin())
            .args([
                "--bucket-port",
                "0",
                "--www-port",
                "0",
                "--access-key",
                AK,
                "--secret-key",
                SK,
            ])
            .arg("--data")
            .arg(root.join("data"))
            .arg("--www")
            .arg(root.join("www"))
            .stdout(Stdio::piped())
            .spawn()
            .expect("start bucket-server");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut endpoint = None;
        let mut data_dir = None;
        // The start lines end with the secret; read up to it and no further.
        for line in lines.by_ref() {
            let line = line.expect("a start line");
            if let Some(e) = line.strip_prefix("bucket endpoint: ") {
                endpoint = Some(e.to_string());
            } else if let Some(d) = line.strip_prefix("data dir: ") {
                data_dir = Some(PathBuf::from(d));
            } else if line.starts_with("secret key: ") {
                break;
            }
        }
        let endpoint = endpoint.expect("bucket endpoint line");
        Server {
            child,
            root,
            addr: endpoint.trim_start_matches("http://").to_string(),
            endpoint,
            data_dir: data_dir.expect("data dir line"),
        }
    }

    /// Where s3s-fs keeps the bytes of `key` in the `demo` bucket.
    pub fn object_path(&self, key: &str) -> PathBuf {
        self.data_dir.join("demo").join(key)
    }

    /// Every entry under the data dir except the `demo` bucket folder itself.
    pub fn stored_entries(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                out.push(e.path());
                if e.path().is_dir() {
                    walk(&e.path(), out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.data_dir, &mut out);
        out.retain(|p| p != &self.data_dir.join("demo"));
        out
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// What a `put-object` run did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The child's peak resident set size (VmHWM), KiB.
    pub max_rss_kib: u64,
}

impl Run {
    /// The value of a `name: value` result line.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.stdout
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
    }
}

/// Runs `put-object` with `args` and only the credentials given (the developer's own AWS/OSS
/// variables and proxies must not leak into a test).
pub fn put_object(args: &[&str], secret: &str) -> Run {
    let mut cmd = Command::new(PUT_OBJECT);
    cmd.args(args);
    for var in [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "OSS_ACCESS_KEY_ID",
        "OSS_ACCESS_KEY_SECRET",
        "OSS_SESSION_TOKEN",
        "BUCKET_SESSION_TOKEN",
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("BUCKET_ACCESS_KEY", AK)
        .env("BUCKET_SECRET_KEY", secret)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start put-object");
    let reader = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = pipe.read_to_string(&mut s);
            s
        })
    };
    let stdout = reader(Box::new(child.stdout.take().unwrap()));
    let stderr = reader(Box::new(child.stderr.take().unwrap()));
    // VmHWM is the peak RSS of the process's own address space since exec, and only grows, so
    // the last reading before exit is the peak (to within the final millisecond). Not
    // wait4's ru_maxrss: that also counts the test process's RSS the child was forked from.
    let status_file = format!("/proc/{}/status", child.id());
    let mut max_rss_kib = 0;
    let status = loop {
        if let Some(kib) = std::fs::read_to_string(&status_file)
            .ok()
            .as_deref()
            .and_then(vm_hwm_kib)
        {
            max_rss_kib = max_rss_kib.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    Run {
        code: status
            .code()
            .expect("put-object exited, not killed by a signal"),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
        max_rss_kib,
    }
}

/// The `VmHWM:   1234 kB` line of /proc/PID/status (absent once the process is a zombie).
fn vm_hwm_kib(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A parsed response: status, lower-cased headers, body.
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One request over a fresh connection, read to EOF. Raw `std::net`, so the read-back does not
/// share an HTTP client with the code under test.
pub fn http(addr: &str, method: &str, target: &str) -> Resp {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Resp {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// HEADs `key` with a presigned URL (s3s checks its signature, so a wrong one just fails).
pub fn head(srv: &Server, key: &str) -> Resp {
    use bucket_upload::{presign, Credentials, PutOptions, SigVersion, UtcTime};
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let o = PutOptions {
        dialect: Default::default(),
        version: SigVersion::V4,
        endpoint: srv.endpoint.clone(),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new(AK, SK),
        key: key.into(),
        expires_in: 300,
        now: Some(UtcTime::from_unix_seconds(now)),
        headers: Default::default(),
        content_length: None,
        signed_headers: Default::default(),
        object: Default::default(),
    };
    let url = presign("HEAD", &o).unwrap().url;
    http(&srv.addr, "HEAD", url.strip_prefix(&srv.endpoint).unwrap())
}

/// Lower-case hex MD5 with the md-5 crate directly (not the core's hasher).
pub fn md5_hex(data: &[u8]) -> String {
    use md5::Digest;
    md5::Md5::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
