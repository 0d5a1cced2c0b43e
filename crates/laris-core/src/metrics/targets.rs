//! Targets prorated to a period, exactly (metrics.md, "Targets").

use super::dataset::{NONE, Target, TargetMetric};
use super::{DayRange, View};

/// An exact fraction of minor units: proration divides by a period's length,
/// and the result is only rounded on output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exact {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs().max(1)
}

impl Exact {
    pub const ZERO: Exact = Exact { num: 0, den: 1 };

    pub fn new(num: i128, den: i128) -> Exact {
        let g = gcd(num, den);
        Exact {
            num: num / g,
            den: den / g,
        }
    }

    pub fn plus(self, other: Exact) -> Exact {
        let g = gcd(self.den, other.den);
        let den = self.den / g * other.den;
        Exact::new(
            self.num * (den / self.den) + other.num * (den / other.den),
            den,
        )
    }

    /// In minor units (hundredths).
    pub fn minor(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// In major units, as the report writes money and count targets.
    pub fn major(self) -> f64 {
        self.minor() / 100.0
    }

    /// `actual_minor / self`, none for a zero target.
    pub fn attainment(self, actual_minor: i128) -> Option<f64> {
        (self.num != 0).then(|| (actual_minor * self.den) as f64 / self.num as f64)
    }
}

/// Who a target belongs to: the team (NONE) or a rep.
pub type Scope = u32;
pub const TEAM: Scope = NONE;

fn overlaps(t: &Target, p: DayRange) -> bool {
    t.from <= p.to && p.from <= t.to
}

/// The targets of one metric that the filters keep and that overlap P.
fn relevant<'a>(
    v: &'a View<'_>,
    metric: TargetMetric,
    p: DayRange,
) -> impl Iterator<Item = &'a Target> + 'a {
    v.ds.targets
        .iter()
        .filter(move |t| t.metric == metric && overlaps(t, p) && v.target_ok(t))
}

/// The scopes with a target of `metric` overlapping P, team first then reps by id.
pub fn scopes(v: &View<'_>, metric: TargetMetric, p: DayRange) -> Vec<Scope> {
    let mut s: Vec<Scope> = relevant(v, metric, p).map(|t| t.rep).collect();
    s.sort_unstable_by_key(|&r| (r != TEAM, r));
    s.dedup();
    s
}

/// The scope's target of `metric` for P: each target counts the days of P in
/// its period that no finer target of the same scope covers, over its
/// period's length. None when no target of the scope overlaps P.
pub fn prorated(v: &View<'_>, metric: TargetMetric, scope: Scope, p: DayRange) -> Option<Exact> {
    let own: Vec<&Target> =
        v.ds.targets
            .iter()
            .filter(|t| t.metric == metric && t.rep == scope && v.target_ok(t))
            .collect();
    let mut total: Option<Exact> = None;
    for t in own.iter().filter(|t| overlaps(t, p)) {
        let finer: Vec<&&Target> = own
            .iter()
            .filter(|f| f.grain < t.grain && overlaps(f, p) && f.from <= t.to && t.from <= f.to)
            .collect();
        let days = (t.from.max(p.from)..=t.to.min(p.to))
            .filter(|&d| !finer.iter().any(|f| f.from <= d && d <= f.to))
            .count() as i128;
        let length = i128::from(t.to - t.from + 1);
        let part = Exact::new(i128::from(t.target_minor) * days, length);
        total = Some(total.unwrap_or(Exact::ZERO).plus(part));
    }
    total
}

/// revenue_target: the team's when it has one overlapping P, else the sum of
/// the reps', else none.
pub fn revenue_target(v: &View<'_>, p: DayRange) -> Option<Exact> {
    let scopes = scopes(v, TargetMetric::Revenue, p);
    if scopes.contains(&TEAM) {
        return prorated(v, TargetMetric::Revenue, TEAM, p);
    }
    scopes
        .iter()
        .filter_map(|&rep| prorated(v, TargetMetric::Revenue, rep, p))
        .reduce(Exact::plus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_fractions_add_without_rounding() {
        // 1/3 + 1/6 = 1/2
        let sum = Exact::new(1, 3).plus(Exact::new(1, 6));
        assert_eq!(sum, Exact::new(1, 2));
        assert_eq!(Exact::new(31_000, 31).minor(), 1000.0);
        assert_eq!(Exact::ZERO.attainment(5), None);
        assert_eq!(Exact::new(200, 1).attainment(100), Some(0.5));
    }
}
