//! Command-line arguments and the script commands that print instead of drawing.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::config::Config;
use crate::document::open::{Origin, Part, text_document};
use crate::document::{Document, load};
use crate::i18n::{self, Msg};
use crate::layout;
use crate::sanitize;

/// yuedu (阅读): read Chinese articles in the terminal.
#[derive(Debug, Parser)]
#[command(name = "yuedu", version, about)]
pub struct Cli {
    /// The text file or EPUB book to read, `-` for standard input (default: standard input when it is
    /// not a terminal, else the bundled article).
    pub file: Option<PathBuf>,
    /// Use this config file instead of the usual lookup.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Decode the file with this encoding (e.g. gb18030, big5, utf-16le).
    #[arg(long, global = true, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Keep bookmarks in this file instead of the configured one.
    #[arg(long, global = true, value_name = "PATH")]
    pub bookmarks_file: Option<PathBuf>,
    /// Start at the beginning instead of where this article was left.
    #[arg(long)]
    pub from_start: bool,
    /// Open the text read most recently (the first on the shelf) at its place.
    #[arg(long, conflicts_with = "file")]
    pub last: bool,
    /// Read at most this many megabytes from standard input (`-`, or a pipe).
    #[arg(long, global = true, value_name = "MB", default_value_t = 512,
          value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub max_size: u64,
    /// A script command instead of the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The script commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the outline, one entry per line (two spaces of indent per level)
    Outline {
        /// The text file or EPUB book, `-` for standard input (default: the bundled article).
        file: Option<PathBuf>,
        /// Print a JSON array of {"level", "title", "line"}.
        #[arg(long)]
        json: bool,
    },
    /// Print what the text pane shows at an inner width of N columns, without colour
    Dump {
        /// The text file or EPUB book, `-` for standard input (default: the bundled article).
        file: Option<PathBuf>,
        /// Text column width in columns.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
        width: u16,
        /// Show the text in this script (default: `script.shown` of the config).
        #[arg(long, value_enum)]
        script: Option<ScriptArg>,
        /// Set the text vertically (竖排) and print it page by page: `--width` is the pane's
        /// width, `--height` its height; a rule (───) follows each page.
        #[arg(long, requires = "height")]
        vertical: bool,
        /// The pane's height in rows (with --vertical).
        #[arg(long, value_name = "N", requires = "vertical", value_parser = clap::value_parser!(u16).range(1..=1000))]
        height: Option<u16>,
    },
    /// Print the figures: LINE, KIND, TEXT, CONTEXT separated by tabs
    Figures {
        /// The text file or EPUB book, `-` for standard input (default: the bundled article).
        file: Option<PathBuf>,
        /// Print a JSON array of {"text", "kind", "line", "section", "start", "end"}.
        #[arg(long)]
        json: bool,
    },
    /// Print the quotations: LINE, KIND (speech or term), SPEAKER, TEXT separated by tabs
    Quotes {
        /// The text file or EPUB book, `-` for standard input (default: the bundled article).
        file: Option<PathBuf>,
        /// Print a JSON array of {"text", "kind", "speaker", "line", "section", "start", "end"}.
        #[arg(long)]
        json: bool,
    },
    /// List the bookmarks of an article: LINE (or "detached"), SPEAKER, TEXT, NOTE by tabs
    #[command(args_conflicts_with_subcommands = true)]
    Bookmarks {
        /// The text file or EPUB book, `-` for standard input (default: the bundled article).
        file: Option<PathBuf>,
        /// List the bookmarks of every article.
        #[arg(long)]
        all: bool,
        /// Print a JSON array of the bookmarks as stored.
        #[arg(long)]
        json: bool,
        /// `article`: in the order of the text; `created`: the newest first.
        #[arg(long, value_enum, default_value = "article")]
        sort: BookmarkOrder,
        /// Export instead of listing.
        #[command(subcommand)]
        action: Option<BookmarksAction>,
    },
    /// List the texts read, most recent first: TITLE, PERCENT, PATH (or "missing PATH") by tabs
    Shelf {
        /// Print a JSON array of {"title", "percent", "path", "missing", "opened", "saved", "offset"}.
        #[arg(long)]
        json: bool,
    },
    /// Check the config file and print which one is in use ("defaults" when none)
    Config {
        /// Print the default config.toml instead (every option, documented).
        #[arg(long)]
        default: bool,
    },
    /// Print a completion script for SHELL (bash, zsh, fish, elvish, powershell)
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), with the reader's keys as the config binds them
    Man,
}

/// What `yuedu bookmarks` does besides listing.
#[derive(Debug, Subcommand)]
pub enum BookmarksAction {
    /// Print every bookmark as a digest for note-taking apps
    Export {
        /// `markdown`: each passage as a `>` block with speaker, section and note; `json`.
        #[arg(long, value_enum, default_value = "markdown")]
        format: ExportFormat,
        /// `article`: each article's bookmarks in the order of its text; `created`: the
        /// newest first.
        #[arg(long, value_enum, default_value = "article")]
        sort: BookmarkOrder,
    },
}

/// The order bookmarks are listed and exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BookmarkOrder {
    /// The order of the text.
    Article,
    /// The newest first.
    Created,
}

/// Formats of `yuedu bookmarks export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown quote blocks.
    Markdown,
    /// A JSON array.
    Json,
}

/// A failure with its one-line message; the binary prints it and exits with code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Failure(pub String);

impl From<load::LoadError> for Failure {
    fn from(e: load::LoadError) -> Self {
        Failure(e.to_string())
    }
}

impl From<crate::config::ConfigError> for Failure {
    fn from(e: crate::config::ConfigError) -> Self {
        Failure(e.to_string())
    }
}

/// Whether `path` names standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The script commands' text read from standard input, at most `max_mb` megabytes.
fn read_stdin(encoding: Option<&str>, max_mb: u64) -> Result<Document, Failure> {
    let origin = Origin::stdin();
    load::read_stream(std::io::stdin().lock(), encoding, max_mb << 20, &mut |_, _, _| {})
        .and_then(|decoded| text_document(decoded, &origin, Part::Start))
        .map_err(|why| Failure(format!("{}: {why}", origin.name)))
}

/// Loads the document at `path`, or the bundled article.
pub fn open_document(path: Option<&Path>, encoding: Option<&str>) -> Result<Document, Failure> {
    open_document_capped(path, encoding, 512)
}

/// [`open_document`], reading at most `max_mb` megabytes when `path` is `-`.
pub fn open_document_capped(
    path: Option<&Path>,
    encoding: Option<&str>,
    max_mb: u64,
) -> Result<Document, Failure> {
    match path {
        None => Ok(Document::bundled()),
        Some(p) if is_stdin(p) => read_stdin(encoding, max_mb),
        // An EPUB or a text file, with its canonical path (part of its identity).
        Some(p) => Ok(crate::document::open::open(p, encoding)?),
    }
}

#[derive(Serialize)]
struct OutlineEntry<'a> {
    level: u8,
    title: std::borrow::Cow<'a, str>,
    line: usize,
}

/// `yuedu outline`.
pub fn outline(doc: &Document, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    let top = doc.headings.iter().map(|h| h.level).min().unwrap_or(1);
    if json {
        let entries: Vec<OutlineEntry> = doc
            .headings
            .iter()
            .map(|h| OutlineEntry {
                level: h.level,
                title: doc.heading_text(h),
                line: doc.blocks[h.block].line,
            })
            .collect();
        sanitize::write_json(&mut *out, &entries)?;
        writeln!(out)
    } else {
        for h in &doc.headings {
            let indent = "  ".repeat(usize::from(h.level - top));
            writeln!(out, "{indent}{}", sanitize::clean(&doc.heading_text(h)))?;
        }
        Ok(())
    }
}

/// `yuedu dump --script`: the script to print the text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScriptArg {
    /// As the text is written.
    AsWritten,
    /// Simplified characters (简体).
    Simplified,
    /// Traditional characters (繁體), in the standard of `script.traditional`.
    Traditional,
}

impl ScriptArg {
    fn shown(self) -> crate::config::ShownScript {
        use crate::config::ShownScript;
        match self {
            ScriptArg::AsWritten => ShownScript::AsWritten,
            ScriptArg::Simplified => ShownScript::Simplified,
            ScriptArg::Traditional => ShownScript::Traditional,
        }
    }
}

/// `yuedu dump`: every block wrapped at `width`, with the blank lines the text pane puts
/// after it (`paragraph_spacing`, none between the items of a list).
pub fn dump(doc: &Document, config: &Config, width: u16, out: &mut impl Write) -> std::io::Result<()> {
    let settings = crate::app::settings_for(config, usize::from(width));
    for i in 0..doc.blocks.len() {
        for line in layout::wrap_block(doc, i, &settings) {
            // Part of the indent when the column is narrower than it (see layout::linebreak).
            let indent =
                layout::linebreak::indent_cells(&settings.indent, line.indent, settings.wrap.ambiguous_wide);
            // Tabs and controls exactly as the reader shows them.
            let text = sanitize::clean_from(&line.text, line.col, settings.wrap.ambiguous_wide);
            writeln!(out, "{indent}{text}")?;
        }
        for _ in 0..layout::gap_after(doc, i, settings.spacing) {
            writeln!(out)?;
        }
    }
    Ok(())
}

/// `yuedu dump --vertical`: the text set vertically in a pane `width` × `height`, page by
/// page (a page is as many columns as the pane holds; a heading starts a new one), each
/// page followed by a rule (`─` across the width).
pub fn dump_vertical(
    doc: &Document,
    config: &Config,
    width: u16,
    height: u16,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let settings = crate::app::settings_for(config, 1).vertical(usize::from(height));
    let gutter = usize::from(config.layout.vertical_gutter.clamp(1, 2));
    let across = layout::vertical::columns_across(usize::from(width), gutter);
    let wide = settings.wrap.ambiguous_wide;
    let rule = "─".repeat(usize::from(width));
    let mut lines = Vec::new();
    let mut page: Vec<Option<layout::VisualLine>> = Vec::new();
    let flush = |page: &mut Vec<Option<layout::VisualLine>>, out: &mut dyn Write| {
        let cols: Vec<Option<&layout::VisualLine>> = page.iter().map(Option::as_ref).collect();
        let rows = layout::vertical::page_rows(
            &cols,
            &doc.text,
            usize::from(height),
            usize::from(width),
            gutter,
            |s| sanitize::clean_from(s, 0, wide).into_owned(),
        );
        page.clear();
        rows.iter().try_for_each(|r| writeln!(out, "{r}")).and_then(|()| writeln!(out, "{rule}"))
    };
    for i in 0..doc.blocks.len() {
        let heading = matches!(doc.blocks[i].kind, crate::document::BlockKind::Heading { .. });
        if heading && page.iter().any(Option::is_some) {
            flush(&mut page, out)?;
        }
        lines.clear();
        lines.extend(layout::wrap_block(doc, i, &settings).into_iter().map(Some));
        lines.extend((0..layout::gap_after(doc, i, settings.spacing)).map(|_| None));
        for line in lines.drain(..) {
            // A page does not start with a blank column.
            if line.is_none() && page.is_empty() {
                continue;
            }
            page.push(line);
            if page.len() == across {
                flush(&mut page, out)?;
            }
        }
    }
    if page.iter().any(Option::is_some) {
        flush(&mut page, out)?;
    }
    Ok(())
}

/// The positions file, where the bookshelf is kept.
pub fn shelf_store() -> Result<crate::store::positions::PositionStore, Failure> {
    crate::store::positions::default_path()
        .map(crate::store::positions::PositionStore::new)
        .ok_or_else(|| Failure(i18n::text(Msg::NoPlacesPlace)))
}

/// The file `yuedu --last` opens: the first on the shelf (`None`: the bundled article), with
/// the encoding it was opened with (`--encoding`), if any.
pub fn last_text() -> Result<(Option<PathBuf>, Option<String>), Failure> {
    let store = shelf_store()?;
    let list = store.shelf().map_err(|e| Failure(e.to_string()))?;
    // A text read from standard input cannot be opened again.
    let (_, p) = list
        .iter()
        .find(|(_, p)| !p.stdin)
        .ok_or_else(|| Failure(i18n::text(Msg::NoTextOnShelf(&store.path().display().to_string()))))?;
    let file = (!p.path.is_empty()).then(|| PathBuf::from(&p.path));
    Ok((file, (!p.encoding.is_empty()).then(|| p.encoding.clone())))
}

#[derive(Serialize)]
struct ShelfEntry<'a> {
    title: &'a str,
    percent: u8,
    path: &'a str,
    /// The bundled article (it has no path).
    bundled: bool,
    /// Read from standard input (it has no path either).
    stdin: bool,
    missing: bool,
    opened: &'a str,
    saved: &'a str,
    offset: u64,
}

/// `yuedu shelf`: the texts read, most recent first; a file no longer there is marked.
pub fn print_shelf(
    list: &[(String, crate::store::positions::Position)],
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let entries: Vec<ShelfEntry> = list
        .iter()
        .map(|(_, p)| ShelfEntry {
            title: if p.title.is_empty() { &p.name } else { &p.title },
            percent: p.percent.unwrap_or(0),
            path: &p.path,
            bundled: p.path.is_empty() && !p.stdin,
            stdin: p.stdin,
            missing: crate::app::shelf::missing(p),
            opened: &p.opened,
            saved: &p.saved,
            offset: p.offset,
        })
        .collect();
    if json {
        sanitize::write_json(&mut *out, &entries)?;
        return writeln!(out);
    }
    for (e, (_, p)) in entries.iter().zip(list) {
        let missing = if e.missing { "missing " } else { "" };
        let path = crate::app::shelf::shelf_path(p);
        writeln!(out, "{}\t{}%\t{missing}{}", sanitize::clean(e.title), e.percent, sanitize::clean(&path))?;
    }
    Ok(())
}

/// Runs a script command, printing to standard output.
pub fn run_command(cli: &Cli, command: &Command) -> Result<(), Failure> {
    // A closed pipe (`yuedu figures | head`) ends the command quietly, as other Unix tools do.
    let pipe_closed = std::cell::Cell::new(false);
    let io = |e: std::io::Error| {
        pipe_closed.set(pipe_closed.get() || e.kind() == std::io::ErrorKind::BrokenPipe);
        Failure(i18n::text(Msg::CannotWriteOutput(&e.to_string())))
    };
    match write_command(cli, command, &io) {
        Err(_) if pipe_closed.get() => Ok(()),
        result => result,
    }
}

fn write_command(
    cli: &Cli,
    command: &Command,
    io: &dyn Fn(std::io::Error) -> Failure,
) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // Every command stops on a broken config, as the reader does (`config --default`, which
    // shows how to mend one, aside), and speaks the language it asks for.
    let config = match command {
        Command::Config { default: true } | Command::Completions { .. } => Config::default(),
        _ => Config::load_and_apply(cli.config.as_deref())?,
    };
    match command {
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "yuedu", &mut out);
        }
        Command::Man => manual(&config, &mut out).map_err(io)?,
        Command::Outline { file, json } => {
            let doc = open_document_capped(file.as_deref(), cli.encoding.as_deref(), cli.max_size)?;
            outline(&doc, *json, &mut out).map_err(io)?;
        }
        Command::Dump { file, width, script, vertical, height } => {
            let doc = open_document_capped(file.as_deref(), cli.encoding.as_deref(), cli.max_size)?;
            let mut config = config.clone();
            if let Some(script) = script {
                config.script.shown = script.shown();
            }
            match height.filter(|_| *vertical) {
                Some(height) => dump_vertical(&doc, &config, *width, height, &mut out).map_err(io)?,
                None => dump(&doc, &config, *width, &mut out).map_err(io)?,
            }
        }
        Command::Figures { file, json } => {
            let doc = open_document_capped(file.as_deref(), cli.encoding.as_deref(), cli.max_size)?;
            crate::app::figures::print_figures(&doc, *json, &mut out).map_err(io)?;
        }
        Command::Quotes { file, json } => {
            let doc = open_document_capped(file.as_deref(), cli.encoding.as_deref(), cli.max_size)?;
            crate::app::quotes::print_quotes(&doc, *json, &mut out).map_err(io)?;
        }
        Command::Bookmarks { file, all, json, sort, action } => {
            let path =
                crate::store::bookmarks::resolve_path(cli.bookmarks_file.as_deref(), &config.bookmarks.file)
                    .ok_or_else(|| Failure(i18n::text(Msg::NoBookmarksPlace)))?;
            let store = crate::store::bookmarks::Store::new(path);
            let list = store.load().map_err(|e| Failure(e.to_string()))?;
            // Texts as the pane shows them under this config.
            let wrap = crate::app::settings_for(&config, 1).wrap;
            let listing = |order: &BookmarkOrder| crate::app::quotes::Listing {
                wrap,
                newest_first: *order == BookmarkOrder::Created,
            };
            match action {
                Some(BookmarksAction::Export { format, sort }) => {
                    let json = *format == ExportFormat::Json;
                    crate::app::quotes::export(&list, json, &listing(sort), &mut out).map_err(io)?
                }
                None => {
                    let doc = if *all {
                        None
                    } else {
                        Some(open_document_capped(file.as_deref(), cli.encoding.as_deref(), cli.max_size)?)
                    };
                    crate::app::quotes::print_bookmarks(&list, doc.as_ref(), *json, &listing(sort), &mut out)
                        .map_err(io)?;
                }
            }
        }
        Command::Shelf { json } => {
            let list = shelf_store()?.shelf().map_err(|e| Failure(e.to_string()))?;
            print_shelf(&list, *json, &mut out).map_err(io)?;
        }
        Command::Config { default: true } => {
            out.write_all(crate::config::DEFAULT_CONFIG.as_bytes()).map_err(io)?
        }
        Command::Config { default: false } => {
            // Checked above like at start-up, so a broken file fails here the same way.
            let source = Config::source_of(cli.config.as_deref());
            writeln!(out, "{}", sanitize::clean(&source.describe())).map_err(io)?;
        }
    }
    out.flush().or_else(|e| if e.kind() == std::io::ErrorKind::BrokenPipe { Ok(()) } else { Err(io(e)) })
}

/// The one-line message for a command line clap could not read, in the interface language;
/// `None` for help and version, which clap prints itself.
pub fn argument_error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use i18n::ArgProblem;
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let problem = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return None;
        }
        ErrorKind::UnknownArgument => ArgProblem::Unknown,
        ErrorKind::InvalidSubcommand => ArgProblem::UnknownCommand,
        ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::InvalidUtf8 => {
            ArgProblem::InvalidValue
        }
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            ArgProblem::MissingValue
        }
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => ArgProblem::MissingArgument,
        ErrorKind::ArgumentConflict => ArgProblem::Conflict,
        _ => ArgProblem::Other,
    };
    // `--width <N>` → `--width`.
    let arg = context(ContextKind::InvalidArg).map(|a| a.split(' ').next().unwrap_or_default().to_string());
    let value = context(ContextKind::InvalidValue);
    // clap tells `--width` with no value as an empty invalid value.
    let problem = if problem == ArgProblem::InvalidValue && value.as_deref() == Some("") {
        ArgProblem::MissingValue
    } else {
        problem
    };
    let what = match (problem, value, context(ContextKind::PriorArg)) {
        (ArgProblem::InvalidValue, Some(v), _) => Some(arg.map_or(v.clone(), |a| format!("{a} {v}"))),
        (ArgProblem::Conflict, _, Some(p)) => Some(arg.map_or(p.clone(), |a| format!("{a}, {p}"))),
        _ => arg.or_else(|| context(ContextKind::InvalidSubcommand)),
    };
    let suggestion = context(ContextKind::SuggestedArg).or_else(|| context(ContextKind::SuggestedSubcommand));
    Some(i18n::text(i18n::Msg::BadArgument {
        problem,
        what: what.as_deref(),
        suggestion: suggestion.as_deref(),
    }))
}

/// The manual page: clap's sections for the command line, then the reader's keys as
/// `config` binds them, each with its description from the English catalog.
fn manual(config: &Config, out: &mut dyn Write) -> std::io::Result<()> {
    use roff::{Roff, bold, roman};
    let command = <Cli as clap::CommandFactory>::command();
    clap_mangen::Man::new(command).render(out)?;
    let mut keys = Roff::new();
    keys.control("SH", ["KEYS"]);
    keys.text([roman("In the reader (change them under [keys] in config.toml):")]);
    for &action in crate::input::Action::ALL {
        let bound = config.keymap.keys(action);
        if bound.is_empty() {
            continue;
        }
        keys.control("TP", []);
        keys.text([bold(bound.join(", "))]);
        keys.text([roman(i18n::action_help_in(i18n::Lang::En, action))]);
    }
    out.write_all(keys.render().as_bytes())
}
