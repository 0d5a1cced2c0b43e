//! What the user narrows the figures to.

/// Restrict the records before any figure is computed (metrics.md, "Filters").
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Filters {
    pub rep: Option<String>,
    pub channel: Option<String>,
    pub source: Option<String>,
}
