//! A conversion rate the user types for a file in another currency: units of
//! the database's currency for one unit of the file's. Kept as an exact
//! decimal, so that every amount converts exactly, rounded once.

use std::fmt;

/// A rate such as `16250` or `0.0000615`: `digits / 10^scale`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rate {
    digits: i128,
    scale: u32,
    text: String,
}

/// Why a typed rate was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RateError {
    /// Not a positive decimal number.
    NotANumber,
    /// `16.250` or `16,250`: a thousands separator or a decimal one? A rate
    /// read the wrong way is off a thousandfold, so it is not guessed.
    Ambiguous,
}

impl Rate {
    /// A positive decimal with `.` or `,` before its fraction and no
    /// thousands separators.
    pub fn parse(text: &str) -> Result<Rate, RateError> {
        let t = text.trim();
        let (whole, fraction) = match t.split_once(['.', ',']) {
            Some((w, f)) => (w, f),
            None => (t, ""),
        };
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty()
            || !digits_only(whole)
            || !digits_only(fraction)
            || whole.len() + fraction.len() > 30
        {
            return Err(RateError::NotANumber);
        }
        if fraction.len() == 3 && !whole.is_empty() && whole != "0" {
            return Err(RateError::Ambiguous);
        }
        let digits: i128 = format!("{whole}{fraction}")
            .parse()
            .map_err(|_| RateError::NotANumber)?;
        if digits == 0 {
            return Err(RateError::NotANumber);
        }
        Ok(Rate {
            digits,
            scale: fraction.len() as u32,
            text: t.replace(',', "."),
        })
    }

    /// `minor` (hundredths of the file's currency) in hundredths of the
    /// database's, rounded half away from zero; None if it does not fit.
    pub fn convert(&self, minor: i64) -> Option<i64> {
        let product = i128::from(minor).checked_mul(self.digits)?;
        let unit = 10i128.checked_pow(self.scale)?;
        let (q, r) = (product / unit, product % unit);
        let rounded = if 2 * r.abs() >= unit {
            q + product.signum()
        } else {
            q
        };
        i64::try_from(rounded).ok()
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_convert_exactly_and_round_half_away_from_zero() {
        let usd_to_idr = Rate::parse("16250").unwrap();
        // $12.50 is Rp 203.125,00.
        assert_eq!(usd_to_idr.convert(1_250), Some(20_312_500));
        let idr_to_usd = Rate::parse("0.0000615").unwrap();
        // Rp 1.250.000 x 0.0000615 = $76.875, to the cent $76.88.
        assert_eq!(idr_to_usd.convert(125_000_000), Some(7_688));
        assert_eq!(idr_to_usd.convert(-125_000_000), Some(-7_688));
        // 0.5 hundredths rounds away from zero, 0.49 does not.
        let half = Rate::parse("0,5").unwrap();
        assert_eq!(half.convert(1), Some(1));
        assert_eq!(half.convert(-1), Some(-1));
        assert_eq!(Rate::parse("0.49").unwrap().convert(1), Some(0));
        assert_eq!(half.to_string(), "0.5");
        assert_eq!(usd_to_idr.convert(i64::MAX), None);
    }

    #[test]
    fn a_rate_that_could_be_read_two_ways_is_refused() {
        assert_eq!(Rate::parse("16.250"), Err(RateError::Ambiguous));
        assert_eq!(Rate::parse("16,250"), Err(RateError::Ambiguous));
        assert!(Rate::parse("0.125").is_ok(), "0.125 is never a thousand");
        assert!(Rate::parse("16.25").is_ok());
        for bad in ["", "abc", "-3", "0", "1.2.3", "1e5", "."] {
            assert_eq!(Rate::parse(bad), Err(RateError::NotANumber), "{bad:?}");
        }
    }
}
