//! What `laris report` and `laris export` both take: the period, the
//! comparison and the filters, and the database they are read from.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::{Cli, CliError, CliResult};
use crate::i18n::Lang;
use crate::metrics::figures::Query;
use crate::metrics::period::PeriodError;
use crate::metrics::{Comparison, Dataset, Filters, Report, Selection, compute_report};
use crate::store::{Place, Store};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompareArg {
    /// The previous period of the same kind.
    Previous,
    /// The same period twelve months earlier.
    LastYear,
}

#[derive(Debug, Args)]
pub struct ScopeArgs {
    /// The period: day:2024-03-05, week:2024-W10, month:2024-03,
    /// quarter:2024-Q1, year:2024, mtd:2024-03-15, qtd:2024-05-20 or
    /// ytd:2024-03-15.
    #[arg(long, value_name = "KIND:VALUE", conflicts_with_all = ["from", "to"])]
    pub period: Option<String>,
    /// First day of a custom period (YYYY-MM-DD), with --to.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of a custom period (YYYY-MM-DD), included.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// What the figures are compared with.
    #[arg(long, value_enum, default_value_t = CompareArg::Previous)]
    pub compare: CompareArg,
    /// Only this sales rep's orders, leads, deals, activities and targets.
    #[arg(long, value_name = "NAME")]
    pub rep: Option<String>,
    /// Only the orders and inquiries of this channel.
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// Only the leads of this source and the deals that came from them.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Only the records imported as this branch (outlet), of every kind.
    #[arg(long, value_name = "NAME")]
    pub branch: Option<String>,
    /// The date taken as today (YYYY-MM-DD): a period containing it is
    /// compared like for like. Default: today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// The period, comparison and filters resolved, with the data loaded.
pub struct Scope {
    /// The database the data was read from, to read more of it.
    pub place: Place,
    pub dataset: Dataset,
    pub selection: Selection,
    pub compare: Comparison,
    pub today: NaiveDate,
    pub filters: Filters,
}

impl Scope {
    pub fn report(&self) -> Report {
        compute_report(
            &self.dataset,
            &self.selection,
            self.compare,
            self.today,
            &self.filters,
        )
    }

    /// The query the app would make for this scope.
    pub fn query(&self) -> Query {
        Query {
            sel: self.selection,
            cmp: self.compare,
            filters: self.filters.clone(),
            today: self.today,
        }
    }
}

fn parse_date(lang: Lang, text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| lang.tr_args("report-bad-date", &[("value", text.into())]))
}

/// The error in the user's language.
fn period_error(lang: Lang, e: PeriodError) -> String {
    match e {
        PeriodError::Syntax(value) => lang.tr_args("report-bad-period", &[("value", value.into())]),
        PeriodError::Reversed { from, to } => lang.tr_args(
            "report-reversed-period",
            &[
                ("from", from.to_string().into()),
                ("to", to.to_string().into()),
            ],
        ),
    }
}

impl ScopeArgs {
    fn selection(&self, lang: Lang) -> Result<Selection, String> {
        match (&self.period, &self.from, &self.to) {
            (Some(p), _, _) => Selection::parse(p).map_err(|e| period_error(lang, e)),
            (None, Some(from), Some(to)) => {
                Selection::from_range(parse_date(lang, from)?, parse_date(lang, to)?)
                    .map_err(|e| period_error(lang, e))
            }
            _ => Err(lang.tr("report-need-period")),
        }
    }

    /// The scope, or a message for the user (a bad period, no database).
    pub fn resolve(&self, cli: &Cli, lang: Lang) -> CliResult<Scope> {
        let for_user = |message: String| CliError::User(format!("laris: {message}"));
        let selection = self.selection(lang).map_err(for_user)?;
        let today = match &self.today {
            Some(t) => parse_date(lang, t).map_err(for_user)?,
            None => chrono::Local::now().date_naive(),
        };
        if let Some(url) = cli.server_url() {
            let dataset = Dataset::load_server(&url).map_err(|e| for_user(e.message(lang)))?;
            return Ok(self.scope(Place::Server(url), dataset, selection, today));
        }
        let db = cli.db_path()?;
        if !db.exists() {
            let path = db.display().to_string();
            return Err(for_user(
                lang.tr_args("report-no-database", &[("path", path.into())]),
            ));
        }
        let store = Store::open_to_read(&db)?;
        let dataset = Dataset::load(store.conn())?;
        Ok(self.scope(Place::File(db), dataset, selection, today))
    }

    fn scope(
        &self,
        place: Place,
        dataset: Dataset,
        selection: Selection,
        today: NaiveDate,
    ) -> Scope {
        Scope {
            place,
            dataset,
            selection,
            compare: match self.compare {
                CompareArg::Previous => Comparison::Previous,
                CompareArg::LastYear => Comparison::LastYear,
            },
            today,
            filters: Filters {
                rep: self.rep.clone(),
                channel: self.channel.clone(),
                source: self.source.clone(),
                branch: self.branch.clone(),
            },
        }
    }
}
