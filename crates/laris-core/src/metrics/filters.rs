//! What the user narrows the figures to.

use crate::i18n::{Arg, Lang};

/// Restrict the records before any figure is computed (metrics.md, "Filters").
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Filters {
    pub rep: Option<String>,
    pub channel: Option<String>,
    pub source: Option<String>,
    /// Only the records imported as this branch (outlet), of every kind.
    /// Left out of the JSON when not given, so that a report without it
    /// reads as before branches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
}

impl Filters {
    /// The active filters as one line (`Only: rep Sari, channel online`), none
    /// without a filter.
    pub fn label(&self, lang: Lang) -> Option<String> {
        let only: Vec<String> = [
            ("report-filter-rep", &self.rep),
            ("report-filter-channel", &self.channel),
            ("report-filter-source", &self.source),
            ("report-filter-branch", &self.branch),
        ]
        .into_iter()
        .filter_map(|(id, value)| {
            value.as_ref().map(|name| match name.trim() {
                "" if id == "report-filter-branch" => lang.tr("report-filter-no-branch"),
                name => lang.tr_args(id, &[("name", Arg::from(name))]),
            })
        })
        .collect();
        (!only.is_empty())
            .then(|| lang.tr_args("report-filters", &[("filters", only.join(", ").into())]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_filters_are_named_in_one_line() {
        let f = Filters {
            rep: Some("Sari".into()),
            channel: Some("online".into()),
            source: None,
            branch: Some("Bandung".into()),
        };
        assert_eq!(
            f.label(Lang::En).unwrap(),
            "Only: rep Sari, channel online, branch Bandung"
        );
        assert_eq!(Filters::default().label(Lang::En), None);
    }
}
