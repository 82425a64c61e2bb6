//! yuedu (阅读): a terminal reader for Chinese articles.
//!
//! Data flows one way: bytes → [`document`] → [`layout`] → [`app`] state → [`ui`] drawing.
//! Every position (section start, figure, quote, bookmark, reading place) is a byte offset
//! into the decoded source text, never a wrapped line number, so it survives any re-wrap.
//!
//! Modules, in reading order:
//! - [`document`]: the article as data. [`document::load`] turns bytes into text (encoding,
//!   BOM, clear errors); [`document::Document`] splits it into blocks (non-empty lines);
//!   [`document::outline`] classifies title, subtitle, headings and byline;
//!   [`document::figures`] and [`document::quotes`] find numbers and quotations.
//! - [`layout`]: Chinese line breaking into visual lines that carry byte ranges, and a
//!   per-width cache so only what is shown gets wrapped.
//! - [`config`]: `config.toml` defaults (embedded), user overrides merged over them, with
//!   `file:line:col` errors; the keymap and the theme.
//! - [`app`]: reader state, [`app::Action`] and `update`; no drawing, no terminal.
//! - [`ui`]: `draw(&App, &mut Frame)`; reads state, never changes it.
//! - [`store`]: files the reader writes (bookmarks, reading positions), atomically and under
//!   a lock.
//! - [`cli`]: the script commands (`outline`, `dump`, …) that print instead of drawing.
//! - [`terminal`]: entering and leaving full screen; one restore path for quit, error,
//!   panic and signals.
#![forbid(unsafe_code)]
// User-influenced data never unwraps: outside tests an `unwrap()` is an error.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod app;
pub mod cli;
pub mod config;
pub mod document;
pub mod layout;
pub mod store;
pub mod terminal;
pub mod ui;

/// The bundled article, embedded so that `yuedu` alone opens it.
pub const BUNDLED_ARTICLE: &str = include_str!("../article/shanghai.txt");
/// The display name of the bundled article.
pub const BUNDLED_NAME: &str = "shanghai.txt";
