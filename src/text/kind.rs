//! What a figure measures: the kinds the units table assigns and the figure finder reports.

use serde::{Deserialize, Serialize};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A percentage or per-mille.
    Percent,
    /// An amount of money.
    Money,
    /// A count of things or people.
    Count,
    /// A date or year.
    Date,
    /// An age.
    Age,
    /// A physical measure (length, area, weight …).
    Measure,
    /// Any other number.
    Other,
}

impl FigureKind {
    /// Every kind, in the order the help and the config list them.
    pub const ALL: [FigureKind; 7] = [
        FigureKind::Percent,
        FigureKind::Money,
        FigureKind::Count,
        FigureKind::Date,
        FigureKind::Age,
        FigureKind::Measure,
        FigureKind::Other,
    ];

    /// The lowercase name (as in config.toml and the JSON output).
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Count => "count",
            FigureKind::Date => "date",
            FigureKind::Age => "age",
            FigureKind::Measure => "measure",
            FigureKind::Other => "other",
        }
    }
}
