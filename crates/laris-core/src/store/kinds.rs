//! The thirteen record kinds of the data model: their canonical fields, the table
//! columns those fields are stored in, and their natural keys.
//!
//! The tables themselves are created by the migrations; `tests` checks that the
//! columns listed here are exactly the columns of the tables.

use serde::{Deserialize, Serialize};

/// How a field's text is read and stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// An identifier, stored trimmed and as written.
    Id,
    /// Free text, stored trimmed.
    Text,
    /// A free-text key whose first-seen spelling is the displayed one.
    Name(NameField),
    /// A calendar date, stored as `YYYY-MM-DD`.
    Date,
    /// A date with an optional time, stored as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
    DateTime,
    /// Money, stored as integer hundredths.
    Money,
    /// A decimal quantity (not money), stored as a float.
    Number,
    /// A whole number.
    Integer,
    OrderStatus,
    DealStatus,
    /// Lead status: free text, lower-cased (only `converted` has a meaning).
    LeadStatus,
    ActivityType,
    /// `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    TargetPeriod,
    TargetMetric,
    ExpenseCategory,
    /// A satisfaction score from 1 to 5.
    Score,
}

/// The free-text keys whose displayed spelling is remembered (see `display_names`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameField {
    Rep,
    Channel,
    Source,
    Product,
    Stage,
}

impl NameField {
    pub fn as_str(self) -> &'static str {
        match self {
            NameField::Rep => "rep",
            NameField::Channel => "channel",
            NameField::Source => "source",
            NameField::Product => "product",
            NameField::Stage => "stage",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The canonical CSV header.
    pub name: &'static str,
    /// The table column (money columns end in `_minor`).
    pub column: &'static str,
    pub ty: FieldType,
    pub required: bool,
}

/// How a kind's rows are identified, so that importing a file again updates
/// rather than duplicates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// These columns (unique index).
    Columns(&'static [&'static str]),
    /// The hash of the row's values and its occurrence number in its file.
    ContentHash,
    /// This column when the row has it, else the content hash.
    ColumnOrHash(&'static str),
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Orders,
    OrderLines,
    Leads,
    Deals,
    DealStages,
    Activities,
    Targets,
    Expenses,
    Csat,
    Inquiries,
    Subscriptions,
    Products,
    Settlements,
}

const fn f(name: &'static str, ty: FieldType, required: bool) -> Field {
    Field {
        name,
        column: name,
        ty,
        required,
    }
}

const fn money(name: &'static str, column: &'static str, required: bool) -> Field {
    Field {
        name,
        column,
        ty: FieldType::Money,
        required,
    }
}

use FieldType as T;

const ORDERS: &[Field] = &[
    f("order_id", T::Id, true),
    f("date", T::DateTime, true),
    f("customer_id", T::Id, false),
    f("customer_name", T::Text, false),
    f("rep", T::Name(NameField::Rep), false),
    f("channel", T::Name(NameField::Channel), false),
    f("status", T::OrderStatus, false),
    money("total", "total_minor", false),
];

const ORDER_LINES: &[Field] = &[
    f("order_id", T::Id, true),
    // Not a CSV column: the line's position within its order, set on import.
    f("line_no", T::Integer, false),
    f("product", T::Name(NameField::Product), true),
    f("sku", T::Id, false),
    f("quantity", T::Number, false),
    money("unit_price", "unit_price_minor", false),
    money("line_total", "line_total_minor", false),
];

const LEADS: &[Field] = &[
    f("lead_id", T::Id, true),
    f("created_at", T::DateTime, true),
    f("source", T::Name(NameField::Source), false),
    f("rep", T::Name(NameField::Rep), false),
    f("first_response_at", T::DateTime, false),
    f("status", T::LeadStatus, false),
    f("converted_at", T::DateTime, false),
    f("customer_id", T::Id, false),
];

const DEALS: &[Field] = &[
    f("deal_id", T::Id, true),
    f("name", T::Text, false),
    f("rep", T::Name(NameField::Rep), false),
    f("created_at", T::DateTime, false),
    f("stage", T::Name(NameField::Stage), false),
    f("status", T::DealStatus, false),
    money("value", "value_minor", false),
    f("closed_at", T::DateTime, false),
    money("close_value", "close_value_minor", false),
    f("lead_id", T::Id, false),
];

const DEAL_STAGES: &[Field] = &[
    f("deal_id", T::Id, true),
    f("stage", T::Name(NameField::Stage), true),
    f("entered_at", T::DateTime, true),
];

const ACTIVITIES: &[Field] = &[
    f("activity_id", T::Id, false),
    f("date", T::DateTime, true),
    f("rep", T::Name(NameField::Rep), false),
    f("type", T::ActivityType, true),
    f("duration_minutes", T::Number, false),
    f("count", T::Integer, false),
    f("deal_id", T::Id, false),
    f("lead_id", T::Id, false),
];

const TARGETS: &[Field] = &[
    f("period", T::TargetPeriod, true),
    f("rep", T::Name(NameField::Rep), false),
    f("metric", T::TargetMetric, true),
    money("target", "target_minor", true),
];

const EXPENSES: &[Field] = &[
    f("date", T::Date, true),
    f("category", T::ExpenseCategory, true),
    money("amount", "amount_minor", true),
    f("description", T::Text, false),
];

const CSAT: &[Field] = &[
    f("date", T::Date, true),
    f("customer_id", T::Id, false),
    f("score", T::Score, true),
];

const INQUIRIES: &[Field] = &[
    f("inquiry_id", T::Id, true),
    f("received_at", T::DateTime, true),
    f("responded_at", T::DateTime, false),
    f("channel", T::Name(NameField::Channel), false),
    f("customer_id", T::Id, false),
];

const SUBSCRIPTIONS: &[Field] = &[
    f("subscription_id", T::Id, true),
    f("customer_id", T::Id, false),
    f("plan", T::Text, false),
    money("monthly_amount", "monthly_amount_minor", true),
    f("start_date", T::Date, true),
    f("end_date", T::Date, false),
];

const PRODUCTS: &[Field] = &[
    // Not a CSV column: the sku folded, else the product name folded, set on
    // import, so that a product keeps one row per valid_from whatever its
    // name's spelling in a later sheet.
    f("item_key", T::Id, false),
    f("sku", T::Id, false),
    // Required unless the sku is given (the import checks it).
    f("product", T::Name(NameField::Product), false),
    f("category", T::Text, false),
    money("cost", "cost_minor", true),
    money("price", "price_minor", false),
    // '' when the cost holds from the beginning, so that it is part of the key.
    f("valid_from", T::Date, false),
];

const SETTLEMENTS: &[Field] = &[
    f("order_id", T::Id, true),
    f("settled_at", T::DateTime, false),
    money("fees", "fees_minor", true),
    money("payout", "payout_minor", false),
];

impl Kind {
    pub const ALL: [Kind; 13] = [
        Kind::Orders,
        Kind::OrderLines,
        Kind::Leads,
        Kind::Deals,
        Kind::DealStages,
        Kind::Activities,
        Kind::Targets,
        Kind::Expenses,
        Kind::Csat,
        Kind::Inquiries,
        Kind::Subscriptions,
        Kind::Products,
        Kind::Settlements,
    ];

    /// The table name, which is also the kind's name on the command line and
    /// the usual file name of its canonical CSV.
    pub fn table(self) -> &'static str {
        match self {
            Kind::Orders => "orders",
            Kind::OrderLines => "order_lines",
            Kind::Leads => "leads",
            Kind::Deals => "deals",
            Kind::DealStages => "deal_stages",
            Kind::Activities => "activities",
            Kind::Targets => "targets",
            Kind::Expenses => "expenses",
            Kind::Csat => "csat",
            Kind::Inquiries => "inquiries",
            Kind::Subscriptions => "subscriptions",
            Kind::Products => "products",
            Kind::Settlements => "settlements",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        let name = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Kind::ALL.into_iter().find(|k| k.table() == name)
    }

    /// The stored fields in column order. For order lines `line_no` is not a
    /// CSV field: it is the line's position within its order.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Orders => ORDERS,
            Kind::OrderLines => ORDER_LINES,
            Kind::Leads => LEADS,
            Kind::Deals => DEALS,
            Kind::DealStages => DEAL_STAGES,
            Kind::Activities => ACTIVITIES,
            Kind::Targets => TARGETS,
            Kind::Expenses => EXPENSES,
            Kind::Csat => CSAT,
            Kind::Inquiries => INQUIRIES,
            Kind::Subscriptions => SUBSCRIPTIONS,
            Kind::Products => PRODUCTS,
            Kind::Settlements => SETTLEMENTS,
        }
    }

    /// The fields a file of this kind carries as columns.
    pub fn file_fields(self) -> impl Iterator<Item = &'static Field> {
        self.fields()
            .iter()
            .filter(move |f| !self.is_derived(f.name))
    }

    /// Whether a stored field is worked out on import rather than read from a
    /// column: an order line's position, a product's key.
    pub fn is_derived(self, field: &str) -> bool {
        matches!(
            (self, field),
            (Kind::OrderLines, "line_no") | (Kind::Products, "item_key")
        )
    }

    pub fn key(self) -> Key {
        match self {
            Kind::Orders => Key::Columns(&["order_id"]),
            Kind::OrderLines => Key::Columns(&["order_id", "line_no"]),
            Kind::Leads => Key::Columns(&["lead_id"]),
            Kind::Deals => Key::Columns(&["deal_id"]),
            Kind::DealStages => Key::Columns(&["deal_id", "stage"]),
            Kind::Activities => Key::ColumnOrHash("activity_id"),
            Kind::Targets => Key::Columns(&["period", "rep", "metric"]),
            Kind::Expenses | Kind::Csat => Key::ContentHash,
            Kind::Inquiries => Key::Columns(&["inquiry_id"]),
            Kind::Subscriptions => Key::Columns(&["subscription_id"]),
            Kind::Products => Key::Columns(&["item_key", "valid_from"]),
            Kind::Settlements => Key::Columns(&["order_id"]),
        }
    }

    /// Whether the table has a `row_hash` column.
    pub fn has_row_hash(self) -> bool {
        !matches!(self.key(), Key::Columns(_))
    }

    /// The column that dates a record, for the date range shown per kind.
    pub fn date_column(self) -> Option<&'static str> {
        match self {
            Kind::Orders | Kind::Activities | Kind::Expenses | Kind::Csat => Some("date"),
            Kind::OrderLines => None,
            Kind::Leads | Kind::Deals => Some("created_at"),
            Kind::DealStages => Some("entered_at"),
            Kind::Targets => Some("period"),
            Kind::Inquiries => Some("received_at"),
            Kind::Subscriptions => Some("start_date"),
            // A cost row without valid_from holds from the beginning: no range.
            Kind::Products => None,
            Kind::Settlements => Some("settled_at"),
        }
    }

    pub fn field(self, name: &str) -> Option<usize> {
        self.fields().iter().position(|f| f.name == name)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.table())
    }
}
