//! The upload state machine driven through whole uploads, in milliseconds: answers in and out of
//! order, failures retried on the exact schedule the random draws give, failures that end the
//! upload with the parts left in place, abort, pause.

use bucket_upload::core::error::{Error, ErrorKind};
use bucket_upload::core::multipart::machine::{Action, Outcome, Upload, UploadConfig};
use bucket_upload::core::multipart::read::Completed;
use bucket_upload::core::multipart::retry::RetryPolicy;
use bucket_upload::core::multipart::PartPlan;
use bucket_upload::{ContentMd5, Dialect, Md5Digest};

const MIB: u64 = 1 << 20;

fn config(concurrency: u32) -> UploadConfig {
    UploadConfig {
        concurrency,
        retry: RetryPolicy::default(),
        etag_is_md5: true,
        checksum: None,
    }
}

/// The MD5 of a part's bytes: here each part is `size` copies of its number.
fn md5_of(plan: &PartPlan, n: u32) -> Md5Digest {
    let mut h = ContentMd5::new();
    h.update(&vec![n as u8; plan.part_len(n) as usize]);
    h.finalize()
}

fn drain(u: &mut Upload, now: u64) -> Vec<Action> {
    std::iter::from_fn(|| u.poll_action(now)).collect()
}

fn server_etag(u: &Upload) -> String {
    // What s3s/moto answer: MD5 of the binary part MD5s, "-N" (computed here by the test's own
    // MD5 over the digests, independent of the machine).
    let mut h = ContentMd5::new();
    for n in 1..=u.plan().count {
        h.update(&md5_of(u.plan(), n).0);
    }
    format!("\"{}-{}\"", h.finalize().hex(), u.plan().count)
}

fn send_part(n: u32, start: u64, end: u64) -> Action {
    Action::SendPart {
        number: n,
        start,
        end,
    }
}

#[test]
fn a_whole_upload_with_parts_answered_out_of_order() {
    let plan = PartPlan::new(Dialect::S3, 13 * MIB + 7, Some(5 * MIB)).unwrap();
    let mut u = Upload::new(plan, config(2));
    assert_eq!(drain(&mut u, 0), vec![Action::Create]);
    u.on_created("ID".into());
    assert_eq!(
        drain(&mut u, 0),
        vec![send_part(1, 0, 5 * MIB), send_part(2, 5 * MIB, 10 * MIB)]
    );
    // Part 2 answers first; only then is there room for part 3.
    u.on_part_done(
        2,
        &format!("\"{}\"", md5_of(&plan, 2).hex()),
        None,
        Some(md5_of(&plan, 2)),
    );
    assert_eq!(drain(&mut u, 0), vec![send_part(3, 10 * MIB, 13 * MIB + 7)]);
    u.on_part_done(3, &md5_of(&plan, 3).hex(), None, Some(md5_of(&plan, 3)));
    assert_eq!(drain(&mut u, 0), vec![]);
    u.on_part_done(1, &md5_of(&plan, 1).hex(), None, Some(md5_of(&plan, 1)));
    assert_eq!(u.progress(), (3, 13 * MIB + 7));
    let actions = drain(&mut u, 0);
    let Action::Complete { parts } = &actions[0] else {
        panic!("{actions:?}")
    };
    assert_eq!(
        parts.iter().map(|p| p.part_number).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    let etag = server_etag(&u);
    u.on_completed(Completed {
        etag: etag.trim_matches('"').into(),
        ..Default::default()
    });
    let Some(Outcome::Done { verified, .. }) = u.outcome() else {
        panic!("{:?}", u.outcome())
    };
    assert_eq!(verified, &vec!["parts", "etag"]);
}

#[test]
fn a_throttled_part_is_retried_after_the_full_jitter_delay() {
    let plan = PartPlan::new(Dialect::S3, 5 * MIB, None).unwrap();
    let mut u = Upload::new(plan, config(4));
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    let mut slow = Error::new(
        ErrorKind::Server,
        "SlowDown",
        "Please reduce your request rate.",
    );
    slow.status = Some(503);
    // First failure: ceiling = base 200 ms; the draw 0.5 gives 100 ms.
    u.on_part_failed(1, slow.clone(), 1_000, 0.5);
    assert_eq!(u.poll_timeout(), Some(1_100));
    assert_eq!(drain(&mut u, 1_099), vec![]);
    assert_eq!(drain(&mut u, 1_100), vec![send_part(1, 0, 5 * MIB)]);
    // Second failure: ceiling 400 ms; the draw 0.25 gives 100 ms again.
    u.on_part_failed(1, slow, 2_000, 0.25);
    assert_eq!(u.poll_timeout(), Some(2_100));
}

#[test]
fn a_part_out_of_attempts_fails_the_upload_and_keeps_the_parts() {
    let plan = PartPlan::new(Dialect::S3, 10 * MIB, None).unwrap();
    let mut u = Upload::new(
        plan,
        UploadConfig {
            retry: RetryPolicy {
                attempts: 2,
                ..Default::default()
            },
            ..config(2)
        },
    );
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    u.on_part_done(1, &md5_of(&plan, 1).hex(), None, Some(md5_of(&plan, 1)));
    let reset = Error::new(
        ErrorKind::Network,
        "NetworkError",
        "the connection was reset",
    );
    u.on_part_failed(2, reset.clone(), 0, 0.0);
    assert_eq!(drain(&mut u, 0), vec![send_part(2, 5 * MIB, 10 * MIB)]);
    u.on_part_failed(2, reset, 10, 0.0);
    let Some(Outcome::Failed(e)) = u.outcome() else {
        panic!("{:?}", u.outcome())
    };
    assert_eq!(e.code, "NetworkError");
    assert!(e.message.contains("part 2"), "{}", e.message);
    // No Abort is asked for: the upload id and part 1 stay for a resume.
    assert_eq!(drain(&mut u, 100), vec![]);
    assert_eq!(u.upload_id(), Some("ID"));
}

#[test]
fn access_denied_is_not_retried() {
    let plan = PartPlan::new(Dialect::S3, MIB, None).unwrap();
    let mut u = Upload::new(plan, config(1));
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    let mut denied = Error::new(ErrorKind::Server, "AccessDenied", "Access Denied");
    denied.status = Some(403);
    u.on_part_failed(1, denied, 0, 0.0);
    assert!(matches!(u.outcome(), Some(Outcome::Failed(e)) if e.code == "AccessDenied"));
}

#[test]
fn an_answer_without_an_etag_fails_at_once_naming_the_cors_header() {
    let plan = PartPlan::new(Dialect::S3, MIB, None).unwrap();
    let mut u = Upload::new(plan, config(1));
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    u.on_part_done(1, "", None, Some(md5_of(&plan, 1)));
    let Some(Outcome::Failed(e)) = u.outcome() else {
        panic!()
    };
    assert_eq!(e.code, "MissingETag");
    assert!(e.message.contains("ExposeHeaders: ETag"));
}

#[test]
fn a_part_etag_that_is_another_md5_is_an_integrity_error() {
    let plan = PartPlan::new(Dialect::S3, MIB, None).unwrap();
    let mut u = Upload::new(plan, config(1));
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    u.on_part_done(
        1,
        "d41d8cd98f00b204e9800998ecf8427e",
        None,
        Some(md5_of(&plan, 1)),
    );
    assert!(matches!(u.outcome(), Some(Outcome::Failed(e)) if e.kind == ErrorKind::Integrity));
}

#[test]
fn a_final_etag_of_the_md5_shape_with_other_digits_is_an_integrity_error() {
    let plan = PartPlan::new(Dialect::S3, MIB, None).unwrap();
    let mut u = Upload::new(plan, config(1));
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    u.on_part_done(1, &md5_of(&plan, 1).hex(), None, Some(md5_of(&plan, 1)));
    drain(&mut u, 0);
    u.on_completed(Completed {
        etag: "00000000000000000000000000000000-1".into(),
        ..Default::default()
    });
    assert!(matches!(u.outcome(), Some(Outcome::Failed(e)) if e.code == "ETagMismatch"));
}

#[test]
fn abort_mid_upload_asks_for_one_abort() {
    let plan = PartPlan::new(Dialect::S3, 20 * MIB, None).unwrap();
    let mut u = Upload::new(plan, config(2));
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    u.abort();
    assert_eq!(
        drain(&mut u, 0),
        vec![Action::Abort {
            upload_id: "ID".into()
        }]
    );
    // Late answers of cancelled parts change nothing.
    u.on_part_done(1, "x", None, None);
    u.on_aborted();
    assert_eq!(u.outcome(), Some(&Outcome::Aborted));
}

#[test]
fn abort_while_create_is_in_flight_aborts_the_upload_it_creates() {
    let plan = PartPlan::new(Dialect::S3, MIB, None).unwrap();
    let mut u = Upload::new(plan, config(1));
    assert_eq!(drain(&mut u, 0), vec![Action::Create]);
    u.abort();
    assert_eq!(drain(&mut u, 0), vec![]);
    u.on_created("LATE".into());
    assert_eq!(
        drain(&mut u, 0),
        vec![Action::Abort {
            upload_id: "LATE".into()
        }]
    );
}

#[test]
fn pause_stops_new_parts_and_resume_continues() {
    let plan = PartPlan::new(Dialect::S3, 15 * MIB, None).unwrap();
    let mut u = Upload::new(plan, config(1));
    drain(&mut u, 0);
    u.on_created("ID".into());
    assert_eq!(drain(&mut u, 0).len(), 1);
    u.pause();
    u.on_part_done(1, &md5_of(&plan, 1).hex(), None, Some(md5_of(&plan, 1)));
    assert_eq!(drain(&mut u, 0), vec![]);
    u.resume();
    assert_eq!(drain(&mut u, 0), vec![send_part(2, 5 * MIB, 10 * MIB)]);
}

#[test]
fn a_transient_complete_failure_is_retried() {
    let plan = PartPlan::new(Dialect::S3, MIB, None).unwrap();
    let mut u = Upload::new(plan, config(1));
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    u.on_part_done(1, &md5_of(&plan, 1).hex(), None, Some(md5_of(&plan, 1)));
    assert!(matches!(drain(&mut u, 0)[..], [Action::Complete { .. }]));
    let mut internal = Error::new(ErrorKind::Server, "InternalError", "try again");
    internal.status = Some(200);
    u.on_request_failed(internal, 50, 0.0);
    assert!(matches!(drain(&mut u, 50)[..], [Action::Complete { .. }]));
}

#[test]
fn ten_thousand_parts_replay_in_milliseconds() {
    let plan = PartPlan::new(Dialect::S3, 10_000 * 5 * MIB, None).unwrap();
    let mut u = Upload::new(
        plan,
        UploadConfig {
            etag_is_md5: false,
            ..config(8)
        },
    );
    drain(&mut u, 0);
    u.on_created("ID".into());
    let mut sent = 0;
    loop {
        let actions = drain(&mut u, 0);
        if let Some(Action::Complete { parts }) = actions.last() {
            assert_eq!(parts.len(), 10_000);
            break;
        }
        for a in actions {
            if let Action::SendPart { number, .. } = a {
                sent += 1;
                u.on_part_done(number, &format!("etag{number}"), None, None);
            }
        }
    }
    assert_eq!(sent, 10_000);
}

/// An OSS-style upload: each part's CRC-64/XZ known, the object's reported by Complete.
fn oss_upload(parts_bytes: &[Vec<u8>], server_total: u64) -> Option<Outcome> {
    use bucket_upload::core::multipart::machine::PartAnswer;
    let crc = |b: &[u8]| crc::Crc::<u64>::new(&crc::CRC_64_XZ).checksum(b);
    let size: u64 = parts_bytes.iter().map(|p| p.len() as u64).sum();
    let plan = PartPlan::new(Dialect::Oss, size, Some(parts_bytes[0].len() as u64)).unwrap();
    let mut u = Upload::new(
        plan,
        UploadConfig {
            etag_is_md5: false,
            ..config(8)
        },
    );
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    for (i, p) in parts_bytes.iter().enumerate() {
        let c = crc(p);
        u.on_part_answer(
            i as u32 + 1,
            PartAnswer {
                etag: format!("E{i}"),
                crc64: Some(c),
                server_crc64: Some(c),
                ..Default::default()
            },
        );
    }
    drain(&mut u, 0);
    u.on_completed(Completed {
        etag: "OSSETAG".into(),
        crc64ecma: Some(server_total.to_string()),
        ..Default::default()
    });
    u.outcome().cloned()
}

#[test]
fn oss_object_crc64_is_checked_against_the_combined_part_crcs() {
    let parts: Vec<Vec<u8>> = vec![vec![7u8; 102_400], vec![9u8; 102_400], vec![1u8; 33]];
    let whole: Vec<u8> = parts.concat();
    // The expected value: the crc crate over the whole object, never the combination under test.
    let total = crc::Crc::<u64>::new(&crc::CRC_64_XZ).checksum(&whole);
    let Some(Outcome::Done { verified, .. }) = oss_upload(&parts, total) else {
        panic!()
    };
    assert_eq!(verified, vec!["crc64"]);
    let Some(Outcome::Failed(e)) = oss_upload(&parts, total ^ 1) else {
        panic!()
    };
    assert_eq!(
        (e.code.as_str(), e.kind),
        ("Crc64Mismatch", ErrorKind::Integrity)
    );
}

#[test]
fn a_part_whose_server_crc64_differs_is_an_integrity_error() {
    use bucket_upload::core::multipart::machine::PartAnswer;
    let plan = PartPlan::new(Dialect::Oss, 200_000, Some(102_400)).unwrap();
    let mut u = Upload::new(
        plan,
        UploadConfig {
            etag_is_md5: false,
            ..config(2)
        },
    );
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    u.on_part_answer(
        1,
        PartAnswer {
            etag: "E".into(),
            crc64: Some(1),
            server_crc64: Some(2),
            ..Default::default()
        },
    );
    assert!(matches!(u.outcome(), Some(Outcome::Failed(e)) if e.code == "Crc64Mismatch"));
}

#[test]
fn s3_composite_crc32c_on_complete_is_checked_against_the_part_checksums() {
    use bucket_upload::core::encode::base64;
    use bucket_upload::core::multipart::machine::PartAnswer;
    use bucket_upload::core::multipart::ChecksumAlgorithm;
    // Part values and the expected composite, computed here with the crc crate: CRC-32C of the
    // parts' big-endian CRC-32Cs, base64, "-2" (S3's composite form).
    let c = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);
    let (p1, p2) = (vec![3u8; 5 * MIB as usize], vec![4u8; 1000]);
    let (v1, v2) = (c.checksum(&p1).to_be_bytes(), c.checksum(&p2).to_be_bytes());
    let expected = format!(
        "{}-2",
        base64(&c.checksum(&[v1, v2].concat()).to_be_bytes())
    );
    let run = |server: &str| {
        let plan = PartPlan::new(Dialect::S3, (p1.len() + p2.len()) as u64, None).unwrap();
        let mut u = Upload::new(
            plan,
            UploadConfig {
                etag_is_md5: false,
                checksum: Some(ChecksumAlgorithm::Crc32c),
                ..config(2)
            },
        );
        drain(&mut u, 0);
        u.on_created("ID".into());
        drain(&mut u, 0);
        for (n, v) in [(1, v1), (2, v2)] {
            u.on_part_answer(
                n,
                PartAnswer {
                    etag: format!("e{n}"),
                    checksum: Some(base64(&v)),
                    ..Default::default()
                },
            );
        }
        drain(&mut u, 0);
        let checksum = Some(("ChecksumCRC32C".to_string(), server.to_string()));
        u.on_completed(Completed {
            etag: "x".into(),
            checksum,
            ..Default::default()
        });
        u.outcome().cloned()
    };
    assert!(
        matches!(run(&expected), Some(Outcome::Done { verified, .. }) if verified == vec!["checksum"])
    );
    assert!(matches!(run("AAAAAA==-2"), Some(Outcome::Failed(e)) if e.code == "ChecksumMismatch"));
    // A full-object value (no "-N") is not made from the parts: not compared.
    assert!(matches!(run("AAAAAA=="), Some(Outcome::Done { verified, .. }) if verified.is_empty()));
}

#[test]
fn a_resumed_upload_sends_only_the_missing_parts_and_verifies_the_whole() {
    use bucket_upload::core::multipart::machine::PartAnswer;
    let plan = PartPlan::new(Dialect::S3, 20 * MIB, None).unwrap();
    let stored = |n: u32| PartAnswer {
        etag: md5_of(&plan, n).hex(),
        md5: Some(md5_of(&plan, n)),
        ..Default::default()
    };
    let mut u = Upload::from_checkpoint(
        plan,
        config(4),
        "OLD".into(),
        vec![(1, stored(1)), (3, stored(3))],
    );
    // No Create: straight to the parts the checkpoint and ListParts did not both confirm.
    assert_eq!(
        drain(&mut u, 0),
        vec![
            send_part(2, 5 * MIB, 10 * MIB),
            send_part(4, 15 * MIB, 20 * MIB)
        ]
    );
    assert_eq!(u.progress(), (2, 10 * MIB));
    u.on_part_done(2, &md5_of(&plan, 2).hex(), None, Some(md5_of(&plan, 2)));
    u.on_part_done(4, &md5_of(&plan, 4).hex(), None, Some(md5_of(&plan, 4)));
    assert_eq!(u.done_parts().len(), 4);
    let Action::Complete { parts } = &drain(&mut u, 0)[0] else {
        panic!()
    };
    assert_eq!(parts.len(), 4);
    let etag = server_etag(&u);
    u.on_completed(Completed {
        etag: etag.trim_matches('"').into(),
        ..Default::default()
    });
    assert!(
        matches!(u.outcome(), Some(Outcome::Done { verified, .. }) if verified == &vec!["parts", "etag"])
    );
}

#[test]
fn an_attempt_that_gets_further_resets_the_part_budget_and_one_that_does_not_counts() {
    let plan = PartPlan::new(Dialect::S3, 5 * MIB, None).unwrap();
    let mut u = Upload::new(
        plan,
        UploadConfig {
            retry: RetryPolicy {
                attempts: 2,
                ..Default::default()
            },
            ..config(1)
        },
    );
    drain(&mut u, 0);
    u.on_created("ID".into());
    drain(&mut u, 0);
    let reset = || Error::new(ErrorKind::Network, "NetworkError", "reset");
    // Each reset gets further than the last: progress, so the 2-attempt budget starts again.
    for (t, sent) in [(0, MIB), (1_000, 2 * MIB), (2_000, 3 * MIB)] {
        u.on_part_failed_after(1, reset(), sent, t, 0.0);
        assert!(
            u.outcome().is_none(),
            "failed although the part made progress"
        );
        assert_eq!(drain(&mut u, t).len(), 1);
    }
    // No further than before: counted, and the budget of 2 is spent.
    u.on_part_failed_after(1, reset(), MIB, 3_000, 0.0);
    assert!(matches!(u.outcome(), Some(Outcome::Failed(_))));
}

#[test]
fn s3_full_object_crc64nvme_on_complete_is_checked_against_the_part_crcs() {
    use bucket_upload::core::encode::base64;
    use bucket_upload::core::multipart::machine::PartAnswer;
    use bucket_upload::core::multipart::ChecksumAlgorithm;
    // Expected: the crc crate's CRC-64/NVME over the whole object (never the combination).
    let c = crc::Crc::<u64>::new(&crc::CRC_64_NVME);
    let (p1, p2) = (vec![5u8; 5 * MIB as usize], vec![6u8; 777]);
    let whole = base64(&c.checksum(&[p1.clone(), p2.clone()].concat()).to_be_bytes());
    let run = |server: &str| {
        let plan = PartPlan::new(Dialect::S3, (p1.len() + p2.len()) as u64, None).unwrap();
        let mut u = Upload::new(
            plan,
            UploadConfig {
                etag_is_md5: false,
                checksum: Some(ChecksumAlgorithm::Crc64nvme),
                ..config(2)
            },
        );
        drain(&mut u, 0);
        u.on_created("ID".into());
        drain(&mut u, 0);
        for (n, p) in [(1, &p1), (2, &p2)] {
            let v = base64(&c.checksum(p).to_be_bytes());
            u.on_part_answer(
                n,
                PartAnswer {
                    etag: format!("e{n}"),
                    checksum: Some(v),
                    ..Default::default()
                },
            );
        }
        drain(&mut u, 0);
        u.on_completed(Completed {
            etag: "x".into(),
            checksum: Some(("ChecksumCRC64NVME".into(), server.into())),
            ..Default::default()
        });
        u.outcome().cloned()
    };
    assert!(
        matches!(run(&whole), Some(Outcome::Done { verified, .. }) if verified == vec!["checksum"])
    );
    assert!(
        matches!(run("AAAAAAAAAAA="), Some(Outcome::Failed(e)) if e.code == "ChecksumMismatch")
    );
}
