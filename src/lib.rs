//! yuedu (阅读): a terminal reader for Chinese articles.
//!
//! Data flows one way: bytes → [`document`] → [`layout`] → [`app`] state → [`ui`] drawing.
//! Every position (section start, figure, quote, bookmark, search match, reading place) is
//! a byte offset into the decoded source text, never a wrapped line number, so it survives
//! any re-wrap.
//!
//! Modules, in reading order:
//! - [`document`]: the article as data. [`document::open`] opens a path in the format it
//!   is (an EPUB by its name or its zip's `mimetype`, else text), opening it once, and is
//!   the one way decoded text becomes a document (`open::text_document`: from a file,
//!   standard input, the beginning or the end of a text still being read);
//!   [`document::load`] turns bytes into text
//!   (encoding detection, BOM, one-line errors naming the file); [`document::tail`] decodes
//!   a file's last part from a line start, a suffix of the whole decoded text (for `G`
//!   while a long file is read); a [`document::format`]
//!   (plain text, Markdown, EPUB books in `format::epub`: zip read with limits, package,
//!   table of contents; web pages in `format::html`) builds a [`document::Document`] from it
//!   through one builder (`format::builder`, a leaf the formats import), each block with its source location ([`document::Loc`]: a line,
//!   or an element of markup); [`document::format::markup`] turns HTML and XHTML (parsed
//!   leniently by html5ever, nesting capped first) into blocks over the text it extracts,
//!   for the formats that bring their own text; [`document::format::html`] finds a saved
//!   web page's article on the tree; [`document::sniff`] tells a page by its name or start
//!   (`sniff::is_page`, the one answer) and reads its declared charset, for decoding and for choosing the format;
//!   the document splits it into blocks (the non-empty lines; the types in [`document::model`]); [`document::outline`] classifies title,
//!   subtitle, headings (news sections, novel chapters, numbered and Markdown headings) and
//!   byline (its single-line shapes in `outline::lines`; an official document's title set over
//!   lines in `outline::official`; what it notes of the few lines
//!   that may head, a bit a line, in `outline::sparse`); [`document::figures`] and
//!   [`document::quotes`] find numbers with their units and quotations with their speakers
//!   (the figure finder in rooms: `number` how numbers are written, `words` the words
//!   around them, `rules` what makes a figure).
//! - [`text`]: the vocabulary both of them share, importing nothing else of the crate:
//!   [`text::units`] holds the one table of units and measure words (量词, SI and Chinese
//!   units, traditional forms), numerals and magnitudes, read by the figure finder and by
//!   the line breaker alike; [`text::kind`] the kinds of figure a unit measures;
//!   [`text::width`] display widths (also what [`sanitize`] measures placeholders with);
//!   [`text::script`] the simplified / traditional display (OpenCC's dictionaries matched
//!   phrase by phrase, with the map from every shown byte back to the source).
//! - [`layout`]: [`layout::linebreak`] sets one paragraph as a Chinese typesetter would
//!   (UAX #14 tailored: LB19a quotes, line-start and line-end prohibitions in `punct`, numbers
//!   kept with their units) into visual lines that carry byte ranges; [`layout::Layout`] caches wrapped
//!   blocks for the current width and walks rows as ([`layout::Pos`]: block, row), so only
//!   what is shown is ever wrapped (and converted, when another script is shown: each line
//!   then carries the source offset of each character it shows). [`layout::vertical`] sets
//!   lines as columns (竖排): a row of the layout is then a column of the pane. The reader holds the document as an `Arc<Document>`,
//!   never changed once built, and the layout's cache holds `Arc`s: both are `Send + Sync`
//!   (checked at compile time in `app`), so an index can later be built on another thread.
//! - [`input`]: the vocabulary of keys, below both the config that binds them and the
//!   reader that applies them: [`input::Action`] (every action with the [`input::Mode`]s it
//!   applies in), [`input::Key`] (key names) and [`input::Keymap`].
//! - [`config`]: `config.toml` defaults (embedded), a user file checked on its own text and
//!   merged over them, with `file:line:col` errors. A room of its own: the option sections'
//!   schema, the checker, and the themes (dark, light, and without colour), whose roles are
//!   a typed enum ([`config::Role`]).
//! - [`i18n`]: every string the reader shows, by message ([`i18n::Msg`]): status-line
//!   messages (each of a [`i18n::Kind`]: information, warning, error), help lines, list
//!   titles, figure-kind labels (apart from the kinds' config keys), the command line's own
//!   error lines; reading comfort's messages and the settings panel's rows in a leaf of
//!   their own ([`i18n::Comfort`], [`i18n::Setting`]), and a message as shown (words and
//!   kind, [`i18n::Message`]) in another. `app` and `ui` say *what* to tell; a catalog per
//!   language (`en`, `zh`), chosen once at start-up, says *how*.
//! - [`app`]: reader state and `App::update(Action)`; no drawing, no terminal. `update` is
//!   two halves: [`app::App::step`] changes the state and returns [`app::Effect`]s (save or
//!   delete a bookmark, check the file on disk, list the shelf, open a text, reload) and
//!   reads or writes no file; [`app::runtime`] performs them and hands each result back to
//!   the state. Reloading and opening another text take one path ([`app::reload`]).
//!   Each feature keeps its
//!   state and its part of `update` in a file of its own ([`app::figures`], [`app::quotes`],
//!   [`app::search`], [`app::history`], [`app::resume`], [`app::progress`], [`app::outline`]
//!   folding, [`app::sections`] moving by section and the go-to prompt, [`app::mouse`], [`app::reload`], [`app::prompt`], [`app::shelf`] the texts
//!   read, [`app::script`] the script shown, [`app::vertical`] vertical text, [`app::loading`] the whole text read on another thread while its beginning is
//!   shown (the loader giving way to the reader's keys: `loading/give_way.rs`), [`app::tail`] the text's end shown meanwhile by `G`, [`app::passage`] selecting any passage (`v` and the selection mode's motions,
//!   highlights) and [`app::copy`] copying it (`y`, `Y`), which the terminal sends with
//!   OSC 52, [`app::comfort`] the text column's width, quiet mode, auto-scroll and the
//!   boss key, [`app::settings`] the settings panel); [`app::geometry`] places the
//!   panes for both `update` and drawing; [`app::view`] works out, after every change and
//!   before any drawing, what the next frame shows: the rows of the text pane with their
//!   wrapped lines, the figures and search matches found in them, and the outline rows.
//!   Drawing paints that view and mouse hit-testing reads it, so a click lands on what was
//!   drawn there and no analysis runs while drawing. [`app::Selection`] is the one selection (none, a
//!   figure, a quote or a passage of source bytes), so two things are never selected at once; search keeps its own
//!   current match, a cursor of the search rather than a selection.
//! - [`ui`]: `draw(&App, &mut Frame)` reads state and indexes and never changes them: it
//!   wraps nothing and finds nothing, it paints [`app::view`]: the outline, the
//!   text pane ([`ui`]'s `text`, drawn cell by cell with highlights from every feature, or
//!   `vertical`, the same set in columns), the
//!   status line, the help, figures, bookmarks and shelf overlays, the settings panel and
//!   the boss screen (`comfort`). Shared pieces sit in leaves
//!   (`highlight`: the styled range every feature hands the text pane; `cells`: strings fit
//!   to a row), so no drawing file imports one that imports it back.
//! - [`store`]: files the reader writes: [`store::bookmarks`] and [`store::positions`] (the
//!   reading places, which are also the shelf), [`store::reader_state`] (quiet mode and the
//!   auto-scroll speed, remembered beside the places) and [`store::settings_file`] (the
//!   settings panel's save into config.toml with `toml_edit`, comments kept); each change
//!   written at once, atomically,
//!   under a lock, merging what another reader saved; a file that cannot be parsed is never
//!   overwritten. [`store::identity`] tells whether a saved record is this text (path,
//!   fingerprint of its beginning, length, title), so places and bookmarks survive appends,
//!   edits and moves but not copies, and which bookmarks of earlier versions a save upgrades.
//! - [`cli`]: arguments and the script commands (`outline`, `dump`, `figures`, `quotes`,
//!   `bookmarks`, `shelf`, `config`, `completions`, `man`) that print instead of drawing.
//! - [`sanitize`]: the one place that decides how a control character from a text, a file
//!   name or a file shows (tab stops, `^[`-style and `U+202E`-style placeholders); every
//!   cell drawn and every line printed goes through it, and JSON output escapes the same
//!   characters.
//! - [`terminal`]: entering and leaving full screen; one restore path for quit, error,
//!   panic and signals; Ctrl-z and SIGTSTP suspend, `fg` takes the terminal back; bracketed
//!   paste; a watch for a terminal that went away; copies to the clipboard (OSC 52, the
//!   text base64-encoded); the boss key's `boss.command` run in the terminal given
//!   back; a wake-up for auto-scroll's next row only while it scrolls (otherwise a few
//!   looks a second at signals); [`terminal::background`] asks the
//!   terminal for its background colour (OSC 11, then `COLORFGBG`) for the automatic theme;
//!   [`terminal::typeahead`] tells the terminal's answers from keys typed meanwhile and
//!   parses those as crossterm would, so the reader acts on them first;
//!   [`terminal::backend`] writes a frame with a cursor move only where the cursor is not
//!   already (none after each CJK character, as ratatui's backend wrote).
//!
//! Between rooms imports run one way, each importing only rooms listed before it in
//! `text`, `sanitize`, `input`, `i18n`, `document`, `layout`, `store`, `config`, `app`, `ui`:
//! no room imports one that imports it back. Inside a room the same holds between files:
//! shared types sit in leaves that import neither their room's `mod.rs` nor the files that
//! use them ([`document::model`] the blocks, headings and document; `i18n`'s `msg` the
//! messages, which `kinds` sorts into information, warnings and errors; [`app::state`]
//! one leaf per feature's state, which `App` holds while the feature files, `impl App`
//! blocks, import `App`). `tests/import_cycles.rs` reads every
//! file's imports and fails on a cycle (one known: the quote finder and its speaker rules)
//! or a file over about 600 lines.
//!
//! Where this differs from a component tree: features are not widgets with their own event
//! handlers but `impl App` blocks in their own files, so one `update` decides what a key
//! does in each mode and drawing stays a pure function of one state.
//!
//! Where this differs from the layout the architecture guide sketches for the next features:
//! - No `source` room: decoding is [`document::load`] and the formats are
//!   [`document::format`], beside the model they build, since a format's output is the
//!   document and the plain-text format's heading rules are [`document::outline`].
//! - No `index` room yet: the document-wide indexes (figures, quotes, search matches) are
//!   feature state ([`app::state`]), built in `update`, and what one frame needs is
//!   [`app::view`]. They are built on the reader's thread, but for the quotes of a text as
//!   it is opened: the loader finds them on its thread after sending the document (an
//!   `Arc<Document>`, `Send + Sync`) and the reader takes them when they arrive
//!   (`QuoteState::coming`), for the document they are of; so moving a build to a worker
//!   changes where it runs, not what reads it.
//! - Opening a text ([`app::loading`]) is not an index built beside a finished document but
//!   the document itself built twice, both on the loader's thread: a document of the text's
//!   first 256 KB (cut at a line end, so its blocks and offsets are the whole text's) is
//!   drawn at once, and the whole
//!   document, built on a loader thread, replaces it through the same path as a reload,
//!   keeping the first character in view. No reader code learns about a half-built
//!   document: every feature keeps working on a complete (if short) one, and keys that need
//!   the whole text wait in order. Standard input takes the same path.
//! - The file is read into memory, not mapped (memmap2): mapping needs `unsafe`, which the
//!   crate forbids, and a mapped file truncated by another process kills the reader with
//!   SIGBUS. Reading costs no second copy: UTF-8 is validated in 1 MB pieces straight into
//!   the one `String` the document keeps (peak RSS about 1.05× the file, README), so a map
//!   would save only the read itself.
//! - Drawing returns no hit map of its own: [`app::view`] is the map of what goes where,
//!   worked out before drawing, painted by drawing and read by mouse hit-testing, because
//!   `draw` runs inside the terminal's draw callback (which returns nothing) and state tests
//!   hit-test without drawing.
//! - `cli` is one file, not a room: its commands print through [`sanitize`] and share the
//!   features' printing functions.
#![forbid(unsafe_code)]
// User-influenced data never unwraps: outside tests an `unwrap()` is an error.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod app;
pub mod cli;
pub mod config;
pub mod document;
pub mod i18n;
pub mod input;
pub mod layout;
pub mod sanitize;
pub mod store;
pub mod terminal;
pub mod text;
pub mod ui;

/// The bundled article, embedded so that `yuedu` alone opens it.
pub const BUNDLED_ARTICLE: &str = include_str!("../article/shanghai.txt");
/// The display name of the bundled article.
pub const BUNDLED_NAME: &str = "shanghai.txt";
