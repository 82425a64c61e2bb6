//! The vocabulary of Chinese text shared by the analyses and the layout: numerals,
//! magnitudes, units and measure words ([`units`]), the kinds of figure they measure
//! ([`kind`]) and display widths ([`width`]). It imports nothing else of the crate.

pub mod kind;
pub mod units;
pub mod width;
