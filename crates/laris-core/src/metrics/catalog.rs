//! What each metric is for the screens that show it: its unit, which way is
//! good, which record kinds it needs and on which tab its card sits. The
//! dashboard, the meeting report and `laris report` all read this one list.

use std::collections::BTreeMap;

use crate::format;
use crate::i18n::Lang;
use crate::store::Kind;

use super::dataset::Present;
use super::report::{Metrics, Scalars};

/// How a figure is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Money,
    Count,
    Rate,
    Hours,
    Days,
    Number,
}

impl Unit {
    /// The figure in its display form (metrics.md, "Showing numbers"); `–`
    /// for a figure the data cannot give.
    pub fn show(self, lang: Lang, currency: &str, v: Option<f64>) -> String {
        let Some(v) = v else {
            return lang.tr("report-no-value");
        };
        match self {
            Unit::Money => format::money(lang, currency, v),
            Unit::Count => format::decimal(lang, v, if v.fract() == 0.0 { 0 } else { 1 }),
            Unit::Rate => format::percent(lang, v),
            Unit::Hours => format::duration(lang, v, &lang.tr("unit-hours")),
            Unit::Days => format::duration(lang, v, &lang.tr("unit-days")),
            Unit::Number => format::decimal(lang, v, 1),
        }
    }

    /// The change from `then` to `now`: for a rate the difference in
    /// points (a relative change of a percentage reads as a much bigger
    /// move than it is), for anything else the relative change, against
    /// the size of `then` so that it is up when the figure went up (a loss
    /// of Rp 3,1 jt shrinking to Rp 985 rb is +68%, not -68%); none
    /// without both figures, or without a base.
    pub fn change(self, now: Option<f64>, then: Option<f64>) -> Option<f64> {
        let (now, then) = now.zip(then)?;
        match self {
            Unit::Rate => Some(now - then),
            _ => super::ratio(now - then, then.abs()),
        }
    }

    /// A change from [`Unit::change`], signed: `+4,4 poin` for a rate,
    /// `+12,5%` for anything else.
    pub fn show_change(self, lang: Lang, delta: f64) -> String {
        let sign = if delta > 0.0 { "+" } else { "" };
        let amount = match self {
            Unit::Rate => lang.tr_args(
                "change-points",
                &[("n", format::decimal(lang, delta * 100.0, 1).into())],
            ),
            _ => format::percent(lang, delta),
        };
        format!("{sign}{amount}")
    }
}

/// The three metric tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    Performance,
    Activity,
    Productivity,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Performance, Tab::Activity, Tab::Productivity];

    /// The message id of the tab's name.
    pub fn label_id(self) -> &'static str {
        match self {
            Tab::Performance => "tab-performance",
            Tab::Activity => "tab-activity",
            Tab::Productivity => "tab-productivity",
        }
    }
}

/// Which way a change is good news.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Up,
    Down,
    /// Neither: more activity time is not good or bad by itself.
    Neutral,
}

/// One KPI card.
#[derive(Clone, Copy, Debug)]
pub struct Card {
    pub id: &'static str,
    pub unit: Unit,
    pub better: Better,
    /// The record kinds the figure is computed from; the first one missing
    /// is what the card asks the user to import.
    pub needs: &'static [Kind],
}

const fn card(id: &'static str, unit: Unit, better: Better, needs: &'static [Kind]) -> Card {
    Card {
        id,
        unit,
        better,
        needs,
    }
}

use Better::{Down, Neutral, Up};
use Kind::{
    Activities, Csat, Deals, Expenses, Inquiries, Leads, OrderLines, Orders, Products, Settlements,
    Subscriptions, Targets,
};
use Unit::{Count, Days, Hours, Money, Number, Rate};

pub const PERFORMANCE: &[Card] = &[
    card("revenue", Money, Up, &[Orders]),
    card("orders", Count, Up, &[Orders]),
    card("aov", Money, Up, &[Orders]),
    card("sales_growth", Rate, Up, &[Orders]),
    card("target_attainment", Rate, Up, &[Orders, Targets]),
    card("new_customers", Count, Up, &[Orders]),
    card("retention_rate", Rate, Up, &[Orders]),
    card("churn_rate", Rate, Down, &[Orders]),
    card("clv", Money, Up, &[Orders]),
    card("cac", Money, Down, &[Orders, Expenses]),
    card("clv_cac_ratio", Number, Up, &[Orders, Expenses]),
    card("leads", Count, Up, &[Leads]),
    card("lead_conversion_rate", Rate, Up, &[Leads]),
    card("opportunities", Count, Up, &[Deals]),
    card("win_rate", Rate, Up, &[Deals]),
    card("avg_deal_cycle_days", Days, Down, &[Deals]),
    card("csat", Rate, Up, &[Csat]),
    card("mrr", Money, Up, &[Subscriptions]),
    card("subscription_churn", Rate, Down, &[Subscriptions]),
    card("refund_amount", Money, Down, &[Orders]),
    card("refund_rate", Rate, Down, &[Orders]),
    card("cogs", Money, Neutral, &[Orders, OrderLines, Products]),
    card("cost_coverage", Rate, Up, &[Orders, OrderLines, Products]),
    card("gross_profit", Money, Up, &[Orders, OrderLines, Products]),
    card("gross_margin", Rate, Up, &[Orders, OrderLines, Products]),
    card("marketplace_fees", Money, Down, &[Orders, Settlements]),
    card("fee_rate", Rate, Down, &[Orders, Settlements]),
    // Fees and expenses count as zero where a shop has none to import.
    card("net_profit", Money, Up, &[Orders, OrderLines, Products]),
];

/// Whether a card's figure is too high while some lines have no cost: the
/// profits and the margin (metrics in profit.md's fine print).
pub fn needs_costs(id: &str) -> bool {
    matches!(id, "gross_profit" | "gross_margin" | "net_profit")
}

pub const ACTIVITY: &[Card] = &[
    card("activities", Count, Up, &[Activities]),
    card("time_on_activities_hours", Hours, Neutral, &[Activities]),
    card("calls_emails", Count, Up, &[Activities]),
    card("meetings", Count, Up, &[Activities]),
    card("follow_ups", Count, Up, &[Activities]),
    card("proposals", Count, Up, &[Activities]),
    card("demos", Count, Up, &[Activities]),
    card("networking_events", Count, Up, &[Activities]),
    card("lead_response_hours", Hours, Down, &[Leads]),
    card("inquiry_response_hours", Hours, Down, &[Inquiries]),
    card("social_engagement", Count, Up, &[Activities]),
    card("referrals", Count, Up, &[Leads]),
    card("activity_ratio", Number, Down, &[Activities, Deals]),
    card("upsell_cross_sell_rate", Rate, Up, &[Orders, OrderLines]),
];

pub const PRODUCTIVITY: &[Card] = &[
    card("avg_deal_size", Money, Up, &[Deals]),
    card("pipeline_value", Money, Up, &[Deals]),
    card("weighted_pipeline", Money, Up, &[Deals]),
    card("win_rate", Rate, Up, &[Deals]),
    card("avg_deal_cycle_days", Days, Down, &[Deals]),
    card("lead_conversion_rate", Rate, Up, &[Leads]),
    card("clv", Money, Up, &[Orders]),
    card("cac", Money, Down, &[Orders, Expenses]),
];

/// The cards of a tab, in reading order.
pub fn cards(tab: Tab) -> &'static [Card] {
    match tab {
        Tab::Performance => PERFORMANCE,
        Tab::Activity => ACTIVITY,
        Tab::Productivity => PRODUCTIVITY,
    }
}

/// A kind the shop has not imported, and the cards that wait for it first
/// (importing it fills them, or brings them one kind closer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextImport {
    pub kind: Kind,
    pub cards: Vec<&'static str>,
}

/// What to import next, the kind that fills the most cards first (ties in
/// the order of kinds); empty when every card has its data.
pub fn next_imports(present: &Present) -> Vec<NextImport> {
    let mut next: Vec<NextImport> = Vec::new();
    let all = Tab::ALL.iter().flat_map(|&t| cards(t));
    for card in all {
        let Some(&kind) = card.needs.iter().find(|&&k| !present.has(k)) else {
            continue;
        };
        match next.iter_mut().find(|n| n.kind == kind) {
            Some(n) if !n.cards.contains(&card.id) => n.cards.push(card.id),
            Some(_) => {}
            None => next.push(NextImport {
                kind,
                cards: vec![card.id],
            }),
        }
    }
    let order = |k: Kind| Kind::ALL.iter().position(|&x| x == k);
    next.sort_by(|a, b| {
        b.cards
            .len()
            .cmp(&a.cards.len())
            .then(order(a.kind).cmp(&order(b.kind)))
    });
    next
}

/// How many figures (a card on two tabs counts once) have all the data
/// they need.
pub fn filled(present: &Present) -> usize {
    let mut ids: Vec<&str> = Tab::ALL
        .iter()
        .flat_map(|&t| cards(t))
        .filter(|c| c.needs.iter().all(|&k| present.has(k)))
        .map(|c| c.id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// Whether a filter leaves some of the card's records whole (metrics.md,
/// "Filters": kinds without the filtered field are not filtered), so the
/// figure mixes filtered and unfiltered records.
pub fn mixes_filtered(card: &Card, filters: &super::Filters) -> bool {
    // Costs and payouts are filtered through their orders.
    let by_rep = [
        Orders,
        Leads,
        Deals,
        Activities,
        Targets,
        OrderLines,
        Products,
        Settlements,
    ];
    let by_channel = [Orders, Inquiries, OrderLines, Products, Settlements];
    let by_source = [Leads, Deals];
    let whole = |keeps: &[Kind]| card.needs.iter().any(|k| !keeps.contains(k));
    (filters.rep.is_some() && whole(&by_rep))
        || (filters.channel.is_some() && whole(&by_channel))
        || (filters.source.is_some() && whole(&by_source))
}

/// Every one-number figure of a report by id, including the totals of the
/// activity breakdowns, which the cards show as one number.
pub fn figures(m: &Metrics) -> BTreeMap<String, Option<f64>> {
    let mut out = scalar_map(&m.scalars);
    out.insert(
        "activities".into(),
        m.activities.as_ref().map(|b| b.total as f64),
    );
    out.insert(
        "time_on_activities_hours".into(),
        m.time_on_activities_hours.as_ref().map(|b| b.total),
    );
    out
}

/// The scalar figures by id, as the JSON report carries them.
pub fn scalar_map(s: &Scalars) -> BTreeMap<String, Option<f64>> {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::report::METRIC_IDS;

    /// A card for an id the report does not have would always show `–`.
    #[test]
    fn every_card_is_a_report_metric() {
        for tab in Tab::ALL {
            for c in cards(tab) {
                assert!(METRIC_IDS.contains(&c.id), "{}", c.id);
                assert!(!c.needs.is_empty(), "{}", c.id);
            }
        }
    }

    /// Counted by hand from the tables above: ten figures need orders
    /// only; activities would fill ten more, order lines six (upsell and
    /// five profit cards waiting for them before the costs), deals six,
    /// leads four.
    #[test]
    fn after_orders_the_next_imports_are_ranked_by_what_they_fill() {
        let orders = Present {
            orders: true,
            ..Present::default()
        };
        assert_eq!(filled(&Present::default()), 0);
        assert_eq!(filled(&orders), 10);
        let next: Vec<(Kind, usize)> = next_imports(&orders)
            .iter()
            .map(|n| (n.kind, n.cards.len()))
            .collect();
        assert_eq!(
            next,
            [
                (Activities, 10),
                (OrderLines, 6),
                (Deals, 6),
                (Leads, 4),
                (Expenses, 2),
                (Subscriptions, 2),
                (Settlements, 2),
                (Targets, 1),
                (Csat, 1),
                (Inquiries, 1),
            ]
        );
        let every = Present {
            orders: true,
            order_lines: true,
            leads: true,
            deals: true,
            deal_stages: true,
            activities: true,
            targets: true,
            expenses: true,
            csat: true,
            inquiries: true,
            subscriptions: true,
            products: true,
            settlements: true,
        };
        assert!(next_imports(&every).is_empty());
        assert_eq!(filled(&every), 45);
    }

    #[test]
    fn figures_show_in_the_locale() {
        assert_eq!(
            Unit::Money.show(Lang::Id, "IDR", Some(154_811_500.0)),
            "Rp 154.811.500"
        );
        assert_eq!(Unit::Rate.show(Lang::Id, "IDR", Some(0.253)), "25,3%");
        assert_eq!(Unit::Count.show(Lang::En, "IDR", Some(1234.0)), "1,234");
        assert_eq!(Unit::Rate.show(Lang::En, "IDR", None), "–");
        assert_eq!(Unit::Money.change(Some(110.0), Some(100.0)), Some(0.1));
        assert_eq!(Unit::Count.change(Some(1.0), Some(0.0)), None);
        assert_eq!(Unit::Count.change(None, Some(1.0)), None);
        // A loss that shrank went up; one that grew went down; from a
        // loss to a profit is up by more than the loss.
        let money = |now, then| Unit::Money.change(Some(now), Some(then)).unwrap();
        assert_eq!(money(-1_000.0, -4_000.0), 0.75);
        assert_eq!(money(-4_000.0, -1_000.0), -3.0);
        assert_eq!(money(1_000.0, -1_000.0), 2.0);
        assert_eq!(money(-1_000.0, 1_000.0), -2.0);
        // A retention rate from 5.6% to 10.0% rose 4.4 points, not 80%.
        let rate = Unit::Rate.change(Some(0.100), Some(0.056)).unwrap();
        assert_eq!(Unit::Rate.show_change(Lang::Id, rate), "+4,4 poin");
        assert_eq!(Unit::Rate.show_change(Lang::En, rate), "+4.4 pts");
        assert_eq!(Unit::Rate.show_change(Lang::En, -0.02), "-2.0 pts");
        assert_eq!(Unit::Money.show_change(Lang::Id, 0.125), "+12,5%");
    }

    #[test]
    fn filters_mark_figures_with_unfiltered_kinds() {
        let card = |id: &str| *PERFORMANCE.iter().find(|c| c.id == id).expect("card");
        let rep = super::super::Filters {
            rep: Some("Sari".into()),
            ..Default::default()
        };
        let source = super::super::Filters {
            source: Some("referral".into()),
            ..Default::default()
        };
        // Expenses have no rep: CAC under a rep filter mixes.
        assert!(mixes_filtered(&card("cac"), &rep));
        assert!(!mixes_filtered(&card("revenue"), &rep));
        // Orders have no lead source.
        assert!(mixes_filtered(&card("revenue"), &source));
        assert!(!mixes_filtered(&card("win_rate"), &source));
        assert!(!mixes_filtered(&card("cac"), &Default::default()));
    }
}
