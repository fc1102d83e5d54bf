//! Calendar dates and instants, without a time-zone database.
//!
//! The portal shows dates in UTC; a civil-date conversion is all it needs.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date, stored as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Date(pub i32);

/// An instant, stored as seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Date {
    /// The date of a year, month (1–12) and day (1–31).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Date {
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    /// Year, month (1–12) and day (1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        // Howard Hinnant's civil_from_days.
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }
}

impl Timestamp {
    /// Midnight UTC at the start of `date`, plus the given hours and minutes.
    pub fn at(date: Date, hour: u32, minute: u32) -> Timestamp {
        Timestamp(date.0 as i64 * 86_400 + hour as i64 * 3_600 + minute as i64 * 60)
    }

    /// The UTC date this instant falls on.
    pub fn date(self) -> Date {
        Date(self.0.div_euclid(86_400) as i32)
    }
}

impl fmt::Display for Date {
    /// ISO 8601, `2026-11-22`: unambiguous in every locale.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Display for Timestamp {
    /// `2026-11-22 14:05 UTC`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.rem_euclid(86_400);
        write!(
            f,
            "{} {:02}:{:02} UTC",
            self.date(),
            secs / 3_600,
            secs % 3_600 / 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_civil_dates() {
        for days in [-800_000, -1, 0, 1, 59, 60, 365, 11_016, 20_779, 2_000_000] {
            let (y, m, d) = Date(days).ymd();
            assert_eq!(Date::from_ymd(y, m, d), Date(days), "{y}-{m}-{d}");
        }
    }

    #[test]
    fn formats_known_dates() {
        assert_eq!(Date::from_ymd(1970, 1, 1), Date(0));
        assert_eq!(Date::from_ymd(2024, 2, 29).to_string(), "2024-02-29");
        let ts = Timestamp::at(Date::from_ymd(2026, 11, 22), 14, 5);
        assert_eq!(ts.to_string(), "2026-11-22 14:05 UTC");
        assert_eq!(ts.date(), Date::from_ymd(2026, 11, 22));
    }
}
