//! UTC instants as the signing protocols spell them. The core never reads a clock: callers pass
//! the instant in, so signatures are reproducible and testable.

/// An instant in UTC, whole seconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct UtcTime(i64);

/// Calendar fields of a [`UtcTime`].
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

impl UtcTime {
    /// The instant `secs` seconds after 1970-01-01T00:00:00Z.
    pub fn from_unix_seconds(secs: i64) -> Self {
        UtcTime(secs)
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.0
    }

    /// This instant moved by `secs` seconds.
    pub fn plus_seconds(self, secs: i64) -> Self {
        UtcTime(self.0 + secs)
    }

    /// `YYYYMMDDTHHMMSSZ`, the SigV4 `x-amz-date` form.
    pub fn amz_date(self) -> String {
        let c = self.civil();
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }

    /// `YYYYMMDD`, the date in a SigV4 credential scope.
    pub fn date_stamp(self) -> String {
        let c = self.civil();
        format!("{:04}{:02}{:02}", c.year, c.month, c.day)
    }

    /// `YYYY-MM-DDTHH:MM:SS.000Z`, the ISO 8601 form of a POST policy's `expiration`.
    pub fn iso8601(self) -> String {
        let c = self.civil();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.000Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`, the HTTP date (RFC 9110 IMF-fixdate) used by SigV2's
    /// `x-amz-date`.
    pub fn http_date(self) -> String {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let c = self.civil();
        let weekday = DAYS[self.0.div_euclid(86_400).rem_euclid(7) as usize]; // 1970-01-01 was a Thursday
        format!(
            "{weekday}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
            c.day,
            MONTHS[c.month as usize - 1],
            c.year,
            c.hour,
            c.minute,
            c.second
        )
    }

    fn civil(self) -> Civil {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400) as u32;
        // Howard Hinnant's civil_from_days: exact for the proleptic Gregorian calendar.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Civil {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UtcTime;

    // Expected strings are the instants AWS's published examples use, with their epoch
    // values from `date -u -d ... +%s`.
    #[test]
    fn formats_published_instants() {
        let t = UtcTime::from_unix_seconds(1_369_353_600); // 2013-05-24T00:00:00Z
        assert_eq!(t.amz_date(), "20130524T000000Z");
        assert_eq!(t.date_stamp(), "20130524");
        let t = UtcTime::from_unix_seconds(1_440_938_160); // 2015-08-30T12:36:00Z
        assert_eq!(t.amz_date(), "20150830T123600Z");
        let t = UtcTime::from_unix_seconds(1_451_606_400); // 2016-01-01T00:00:00Z
        assert_eq!(t.iso8601(), "2016-01-01T00:00:00.000Z");
        let t = UtcTime::from_unix_seconds(951_782_400); // 2000-02-29T00:00:00Z (leap day)
        assert_eq!(t.iso8601(), "2000-02-29T00:00:00.000Z");
        let t = UtcTime::from_unix_seconds(-1); // 1969-12-31T23:59:59Z
        assert_eq!(t.amz_date(), "19691231T235959Z");
        // RFC 9110's own example of an IMF-fixdate.
        let t = UtcTime::from_unix_seconds(784_111_777); // 1994-11-06T08:49:37Z
        assert_eq!(t.http_date(), "Sun, 06 Nov 1994 08:49:37 GMT");
    }
}
