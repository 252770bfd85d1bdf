// Shared by several test crates; each uses only part of it.
#![allow(dead_code)]

//! Test helpers: start the real binary on free ports, speak raw HTTP/1.1, sign with SigV4.
//! Raw `std::net` keeps the test free of an HTTP client crate and shows exactly what is sent.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

pub mod multipart;
pub mod s3;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

pub const AK: &str = "AKIDTEST000000000000";
pub const SK: &str = "test/secret/key/0000000000000000000000000";

/// A running `bucket-server`, killed and its folders removed on drop.
pub struct Server {
    child: Child,
    pub root: PathBuf,
    pub bucket_addr: String,
    pub page_addr: String,
    pub data_dir: PathBuf,
}

impl Server {
    pub fn start(name: &str) -> Server {
        let root =
            std::env::temp_dir().join(format!("bucket-server-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("www")).unwrap();
        std::fs::write(root.join("www/index.html"), "<h1>demo page</h1>").unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_bucket-server"))
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
        let mut field = |prefix: &str| {
            let line = lines.next().expect("a start line").unwrap();
            line.strip_prefix(prefix)
                .unwrap_or_else(|| panic!("{line:?} lacks {prefix:?}"))
                .to_string()
        };
        let bucket_addr = field("bucket endpoint: http://");
        let page_addr = field("page: http://").trim_end_matches('/').to_string();
        assert_eq!(field("bucket: "), "demo");
        let data_dir = PathBuf::from(field("data dir: "));
        assert_eq!(field("access key: "), AK);
        assert_eq!(field("secret key: "), SK);
        Server {
            child,
            root,
            bucket_addr,
            page_addr,
            data_dir,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.root);
    }
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

/// Sends one request (with `Connection: close`, so the response ends at EOF) and reads the answer.
/// The whole body is written before reading, as a browser does: if the server stopped reading early
/// and closed, this fails with a broken pipe or reset instead of returning the response.
pub fn http(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Resp> {
    let mut s = TcpStream::connect(addr)?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\ncontent-length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes())?;
    s.write_all(body)?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
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
    Ok(Resp {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    })
}

/// SigV4 `Authorization`-header signing of a request with no query string and an unsigned payload,
/// returning the headers to send. Independent of the crate under test, on purpose.
pub fn sigv4_headers(method: &str, addr: &str, path: &str, secret: &str) -> Vec<(String, String)> {
    sigv4_query_headers(method, addr, path, "", secret)
}

/// [`sigv4_headers`] for a request whose query string is `query`, already in canonical form
/// (sorted, encoded: see `s3::query_string`). `path` is signed as sent, `..` segments included.
pub fn sigv4_query_headers(
    method: &str,
    addr: &str,
    path: &str,
    query: &str,
    secret: &str,
) -> Vec<(String, String)> {
    let amz_date = amz_date_now();
    let date = &amz_date[..8];
    let scope = format!("{date}/us-east-1/s3/aws4_request");
    let signed = "host;x-amz-content-sha256;x-amz-date";
    let canonical = format!(
        "{method}\n{path}\n{query}\nhost:{addr}\nx-amz-content-sha256:UNSIGNED-PAYLOAD\nx-amz-date:{amz_date}\n\n{signed}\nUNSIGNED-PAYLOAD"
    );
    let to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        hex(&Sha256::digest(canonical.as_bytes()))
    );
    let mut key = format!("AWS4{secret}").into_bytes();
    for part in [date, "us-east-1", "s3", "aws4_request", to_sign.as_str()] {
        key = hmac(&key, part.as_bytes());
    }
    vec![
        ("x-amz-date".into(), amz_date.clone()),
        ("x-amz-content-sha256".into(), "UNSIGNED-PAYLOAD".into()),
        (
            "authorization".into(),
            format!(
                "AWS4-HMAC-SHA256 Credential={AK}/{scope}, SignedHeaders={signed}, Signature={}",
                hex(&key)
            ),
        ),
    ]
}

fn hmac(key: &[u8], msg: &[u8]) -> Vec<u8> {
    let mut m = Hmac::<Sha256>::new_from_slice(key).unwrap();
    m.update(msg);
    m.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Current UTC time as `YYYYMMDDTHHMMSSZ` (days-to-civil conversion, to avoid a date crate).
fn amz_date_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
