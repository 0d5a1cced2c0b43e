//! Numbers as the user's locale writes them (metrics.md, "Showing numbers").

use crate::i18n::Lang;

/// Thousands separator of the language: `10.000` in Indonesian, `10,000` in English.
pub fn thousands_sep(lang: Lang) -> char {
    match lang {
        Lang::Id => '.',
        Lang::En => ',',
    }
}

/// A whole number with thousands separators.
pub fn count(lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(thousands_sep(lang));
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_by_thousands() {
        assert_eq!(count(Lang::Id, 0), "0");
        assert_eq!(count(Lang::Id, 999), "999");
        assert_eq!(count(Lang::Id, 1000), "1.000");
        assert_eq!(count(Lang::En, 21_935), "21,935");
        assert_eq!(count(Lang::Id, 154_811_500), "154.811.500");
        assert_eq!(count(Lang::En, -1_250_000), "-1,250,000");
    }
}
