//! The vocabulary of Chinese text shared by the analyses and the layout: numerals,
//! magnitudes, units and measure words ([`units`]), the kinds of figure they measure
//! ([`kind`]) display widths ([`width`]), and the simplified / traditional display ([`script`]: OpenCC's
//! dictionaries, matched phrase by phrase, with the map from shown to source offsets). It imports nothing else of the crate.

pub mod kind;
pub mod script;
pub mod units;
pub mod width;
