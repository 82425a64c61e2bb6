//! The parts of the reader's state, one leaf per feature: each imports nothing of `app`
//! but other leaves, so `App` (in `app`'s `mod.rs`) holds them and every feature file acts
//! on `App` without an import cycle.

pub mod comfort;
pub mod figures;
pub mod history;
pub mod loading;
pub mod outline;
pub mod passage;
pub mod progress;
pub mod quotes;
pub mod reload;
pub mod resume;
pub mod search;
pub mod selection;
pub mod shelf;
pub mod view;
