//! Unit tests of the command line: ossutil's seed examples, `--flag=value` and boolean flags,
//! usage errors, and the default endpoints.

use super::{endpoint, parse, version, Args, Body, Command};
use bucket_upload::{Dialect, SigVersion};

fn put(args: &[&str]) -> Result<Args, String> {
    match parse(args.iter().map(|s| s.to_string()))? {
        Command::Put(a) => Ok(*a),
        Command::Help => Err("help".into()),
    }
}

const BASE: [&str; 6] = ["--bucket", "b", "--key", "k", "--body", "hi oss"];

#[test]
fn seed_004_examples() {
    let a = put(&[
        &BASE[..],
        &[
            "--metadata",
            "user=aliyun",
            "--metadata",
            "email=ali***@aliyuncs.com",
        ],
        &["--tagging", "TagA=A&TagB=B", "--object-acl", "private"],
        &["--storage-class", "IA", "--forbid-overwrite", "true"],
        &[
            "--server-side-encryption",
            "KMS",
            "--server-side-data-encryption",
            "SM4",
        ],
        &[
            "--server-side-encryption-key-id",
            "9468da86-3509-4f8d-a61e-6eab1eac****",
        ],
        &[
            "--content-disposition",
            "attachment;filename=oss_download.jpg",
        ],
    ]
    .concat())
    .unwrap();
    assert_eq!(a.body, Body::Text("hi oss".into()));
    assert_eq!(
        a.metadata,
        vec![
            ("user".into(), "aliyun".into()),
            ("email".into(), "ali***@aliyuncs.com".into())
        ]
    );
    assert_eq!(a.tagging.as_deref(), Some("TagA=A&TagB=B"));
    assert_eq!(a.forbid_overwrite, Some(true));
    assert_eq!(a.server_side_data_encryption.as_deref(), Some("SM4"));
    assert_eq!(
        a.content_disposition.as_deref(),
        Some("attachment;filename=oss_download.jpg")
    );
}

#[test]
fn file_body_and_booleans() {
    let a = put(&[
        "--bucket=b",
        "--key=k",
        "--body=file://up/f.bin",
        "--path-style",
        "--forbid-overwrite",
    ])
    .unwrap();
    assert_eq!(a.body, Body::File("up/f.bin".into()));
    assert!(a.path_style);
    assert_eq!(a.forbid_overwrite, Some(true));
    let a = put(&[&BASE[..], &["--forbid-overwrite", "false", "--region", "r"]].concat()).unwrap();
    assert_eq!(a.forbid_overwrite, Some(false));
    assert_eq!(a.region.as_deref(), Some("r"));
    assert_eq!(version(&a), SigVersion::V4);
    let a = put(&[&BASE[..], &["--dialect", "OBS"]].concat()).unwrap();
    assert_eq!(version(&a), SigVersion::V2);
    let a = put(&[
        &BASE[..],
        &["--dialect", "oss", "--signature-version", "v2"],
    ]
    .concat())
    .unwrap();
    assert_eq!((a.dialect, version(&a)), (Dialect::Oss, SigVersion::V2));
    // `=` inside a metadata value stays in the value.
    let a = put(&[&BASE[..], &["--metadata", "q=a=b"]].concat()).unwrap();
    assert_eq!(a.metadata, vec![("q".into(), "a=b".into())]);
}

#[test]
fn usage_errors() {
    assert!(put(&["--bucket", "b", "--key", "k"])
        .unwrap_err()
        .contains("--body"));
    assert!(put(&[&BASE[..], &["--nope", "x"]].concat())
        .unwrap_err()
        .contains("unknown"));
    assert!(put(&[&BASE[..], &["--metadata", "novalue"]].concat()).is_err());
    assert!(put(&[&BASE[..], &["--dialect", "gcs"]].concat()).is_err());
    assert!(put(&[&BASE[..], &["--forbid-overwrite=maybe"]].concat()).is_err());
    assert!(put(&[&BASE[..], &["--content-type", "a", "--content-type", "b"]].concat()).is_err());
    assert!(put(&[&BASE[..], &["--region"]].concat())
        .unwrap_err()
        .contains("needs a value"));
    assert_eq!(parse(["--help".to_string()]), Ok(Command::Help));
}

#[test]
fn default_endpoints() {
    let mut a = put(&BASE).unwrap();
    assert_eq!(
        endpoint(&a, "eu-west-1").unwrap(),
        "https://s3.eu-west-1.amazonaws.com"
    );
    a.dialect = Dialect::Oss;
    assert_eq!(
        endpoint(&a, "oss-cn-hangzhou").unwrap(),
        "https://oss-cn-hangzhou.aliyuncs.com"
    );
    a.dialect = Dialect::Cms;
    assert!(endpoint(&a, "x").is_err());
    a.endpoint = Some("http://127.0.0.1:9000".into());
    assert_eq!(endpoint(&a, "x").unwrap(), "http://127.0.0.1:9000");
}
