//! WORM object lock: a mode and a retain-until date, both or neither. Seed 003:
//! `x-amz-object-lock-mode` ("Currently, only COMPLIANCE is supported") and
//! `x-amz-object-lock-retain-until-date` ("a UTC time that complies with ISO 8601, for example,
//! 2015-07-01T04:11:15Z"); OBS native sends them as `x-obs-object-lock-*`, in a PUT and in a POST
//! form. S3 PUT also takes GOVERNANCE:
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html>; S3's POST form has no
//! object-lock fields, OSS and CMS none at all. The date must lie after the signing time.

use super::{given, unsupported, wrong_target, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;
use crate::core::time::UtcTime;

/// `x-amz-object-lock-mode`. AWS PutObject,
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#AmazonS3-PutObject-request-header-ObjectLockMode>:
/// "The Object Lock mode that you want to apply to this object. ... Valid Values: `GOVERNANCE |
/// COMPLIANCE`".
pub(crate) const S3_MODES: &[&str] = &["GOVERNANCE", "COMPLIANCE"];
/// `x-obs-object-lock-mode`. Seed 003 (Huawei PUT Object): "Currently, only COMPLIANCE is
/// supported"; esdk-obs-browserjs takes the value as given, and no Huawei page found names
/// another mode.
pub(crate) const OBS_MODES: &[&str] = &["COMPLIANCE"];

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    now: UtcTime,
    out: &mut Pairs,
) -> Result<(), Error> {
    const MODE: &str = "objectLockMode";
    const DATE: &str = "objectLockRetainUntilDate";
    let mode = given(&o.object_lock_mode);
    let date = given(&o.object_lock_retain_until_date);
    let option = match (mode, date) {
        (None, None) => return Ok(()),
        (Some(_), _) => MODE,
        (None, Some(_)) => DATE,
    };
    let (modes, prefix) = match (d, t) {
        (Dialect::S3, Target::Put) => (S3_MODES, "x-amz-"),
        (Dialect::S3, Target::Post) => return Err(wrong_target(option, t)),
        (Dialect::Obs, _) => (OBS_MODES, "x-obs-"),
        _ => return Err(unsupported(option, d)),
    };
    let (Some(mode), Some(date)) = (mode, date) else {
        let missing = if mode.is_none() { MODE } else { DATE };
        return Err(Error::invalid(
            "IncompleteObjectLock",
            missing,
            format!("{MODE} and {DATE} go together: give both or neither"),
        ));
    };
    super::one_of("InvalidObjectLockMode", MODE, mode, d, modes)?;
    let until = parse_iso8601_utc(date).ok_or_else(|| {
        Error::invalid(
            "InvalidRetainUntilDate",
            DATE,
            format!("{DATE} \"{date}\" is not an ISO 8601 UTC time like 2015-07-01T04:11:15Z"),
        )
    })?;
    if until <= now {
        return Err(Error::invalid(
            "RetainUntilDateNotInFuture",
            DATE,
            format!(
                "{DATE} {date} is not after the signing time {}",
                now.iso8601()
            ),
        ));
    }
    out.push(MODE, format!("{prefix}object-lock-mode"), mode);
    out.push(DATE, format!("{prefix}object-lock-retain-until-date"), date);
    Ok(())
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]Z` as an instant (the fraction is dropped); `None` otherwise.
pub(crate) fn parse_iso8601_utc(s: &str) -> Option<UtcTime> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let rest = s.get(19..)?;
    let fraction = rest.strip_suffix('Z')?;
    if !(fraction.is_empty()
        || (fraction.len() > 1
            && fraction.starts_with('.')
            && fraction[1..].bytes().all(|c| c.is_ascii_digit())))
    {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month)
        || day < 1
        || day > month_days[month as usize - 1]
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    // Howard Hinnant's days_from_civil, the inverse of UtcTime's civil_from_days.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(UtcTime::from_unix_seconds(
        days * 86_400 + hour * 3600 + minute * 60 + second,
    ))
}
