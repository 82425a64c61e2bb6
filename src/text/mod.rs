//! The vocabulary of Chinese text shared by the analyses and the layout: numerals,
//! magnitudes, units and measure words ([`units`]).

pub mod units;
