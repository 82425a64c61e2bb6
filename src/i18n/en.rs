//! The English catalog.

use super::book::BookProblem;
use super::comfort::{Comfort, Setting, Value};
use super::msg::{ArgProblem, Msg, Pair, Special, Step, ValueType};
use crate::input::Action;
use crate::text::kind::FigureKind;
use crate::text::script::Script;

/// `msg` in English.
pub(super) fn text(msg: Msg<'_>) -> String {
    use Msg::*;
    match msg {
        NoFigures => "no figures in this text".into(),
        NoMoreFiguresBelow => "no more figures below".into(),
        NoFiguresAbove => "no figures above".into(),
        FiguresHighlighted => "figures highlighted".into(),
        ScriptShown(script) => match script {
            Script::AsWritten => "shown as written".into(),
            Script::Simplified => "shown in simplified characters (简体)".into(),
            Script::Traditional(_) => "shown in traditional characters (繁體)".into(),
        },
        FigureHighlightingOff => "figure highlighting off".into(),
        FigureStatus { n, total, text, kind } => {
            format!("figure {n}/{total} · {text} · {}", figure_kind(kind))
        }
        FigureKind(kind) => figure_kind(kind).into(),
        FiguresListTitle { n, total, select, close } => {
            format!(" figures {n}/{total} · {select} jumps · {close} closes ")
        }
        NoQuotations => "this text has no quotations".into(),
        NoMoreQuotationsBelow => "no more quotations below".into(),
        NoMoreQuotationsAbove => "no more quotations above".into(),
        QuoteStatus { n, total, who } => format!("quote {n}/{total} · {who}"),
        SpeakerWithTitle { speaker, title } => format!("{speaker} · {title}"),
        SpeakerNotNamed => "speaker not named".into(),
        Term => "term".into(),
        AlreadyBookmarked => "already bookmarked".into(),
        Bookmarked(what) => format!("bookmarked: {what}"),
        NotSaved(why) => format!("not saved: {why}"),
        BookmarkCancelled => "bookmark cancelled".into(),
        DetachedChosen => "detached: its text is no longer in the article".into(),
        Deleted(what) => format!("deleted: {what} (u undoes)"),
        Restored(what) => format!("restored: {what}"),
        NothingToUndo => "nothing to undo".into(),
        BookmarksListTitle { n, select, delete, undo, close } => {
            format!(" bookmarks ({n}) · {select} jump · {delete} delete · {undo} undo · {close} close ")
        }
        NoBookmarksYet(None) => "no bookmarks yet".into(),
        BookmarksFileBroken(why) => format!("cannot use the bookmarks file: {why}"),
        NoBookmarksYet(Some(key)) => format!("no bookmarks yet (select a quote and press {key})"),
        Detached => "detached".into(),
        Note(note) => format!("note: {note}"),
        SelectionStatus { n, copy, keep, cancel } => {
            let mut s = if n == 1 {
                "selected: 1 character".to_string()
            } else {
                format!("selected: {n} characters")
            };
            for (key, what) in [(copy, "copies"), (keep, "highlights"), (cancel, "cancels")] {
                if let Some(key) = key {
                    s.push_str(&format!(" · {key} {what}"));
                }
            }
            s
        }
        AtTextEnd => "at the end of the text".into(),
        AtTextStart => "at the start of the text".into(),
        Copied(1) => "copied 1 character".into(),
        Copied(n) => format!("copied {n} characters"),
        CopyTooLong { kb, limit } => {
            format!("not copied: {kb} KB is more than a terminal takes ({limit} KB)")
        }
        Highlighted(what) => format!("highlighted: {what}"),
        HighlightLabel => "highlight".into(),
        // The Chinese form whatever the interface language: what is copied is Chinese text.
        Citation { words, speaker, title } => super::zh::citation(words, speaker, title),
        AtNewestJump => "at the newest jump".into(),
        AtOldestJump => "at the oldest jump".into(),
        AlreadyInLastSection => "already in the last section".into(),
        AlreadyInFirstSection => "already in the first section".into(),
        NoEntry(n) => format!("there is no entry {n}"),
        NoHeadingHolds(what) => format!("no heading holds “{what}”"),
        OutlineHidden => "the outline is hidden (o shows it)".into(),
        NoSection(n) => format!("there is no section {n}"),
        Resumed { section } => format!("resumed · {section}"),
        MinutesLeft(0) => "<1 min left".into(),
        MinutesLeft(m @ 1..=59) => format!("{m} min left"),
        MinutesLeft(m) => format!("{} h {:02} min left", m / 60, m % 60),
        NotFound(query) => format!("not found: {query}"),
        SearchWrapped => "search wrapped around to the top".into(),
        SearchWrappedBottom => "search wrapped around to the bottom".into(),
        NoSearchYet(key) => format!("no search yet ({key} searches)"),
        ChangedOnDisk(name) => format!("{name} changed on disk: R reloads it"),
        GoneFromDisk(name) => format!("{name} is gone from disk; the text stays loaded"),
        BundledNoReload => "the bundled article has no file to reload".into(),
        BundledOnShelf => "(the bundled article: yuedu with no file)".into(),
        BackOnShelf(title) => format!("back on the shelf: {title}"),
        CannotReload(why) => format!("cannot reload {why}; showing the text loaded before"),
        Reloaded(None) => "reloaded from disk".into(),
        Reloaded(Some(note)) => format!("reloaded from disk; {note}"),
        SectionsHelp => "Jump to section N".into(),
        PairHelp(Pair::Sections) => "Next / previous section".into(),
        PairHelp(Pair::Figures) => "Select next / prev figure".into(),
        PairHelp(Pair::Quotes) => "Select next / prev quote".into(),
        PairHelp(Pair::Matches) => "Next / prev search match".into(),
        HelpHint(key) => format!("{key} help"),
        HelpTitleScrolling { first, last, total, keys } => {
            format!(" keys {first}-{last} of {total} ({keys} scroll, other keys close) ")
        }
        HelpTitle => " keys (any key closes) ".into(),
        NotePrompt => "note: ".into(),
        TerminalTooSmall => "terminal too small".into(),
        OutlineTitle => "Contents".into(),
        ShelfTitle { n, select, delete, undo, close } => {
            format!(" shelf ({n}) · {select} open · {delete} remove · {undo} undo · {close} close ")
        }
        ShelfEmpty => "no texts yet: yuedu FILE puts one on the shelf".into(),
        Indexing(percent) => format!("indexing {percent}%"),
        ReadingInput { mb } => format!("reading {mb} MB"),
        StdinName => "(stdin)".into(),
        StdinCapped { max_mb } => {
            format!("standard input stopped at {max_mb} MB (--max-size): the rest was not read")
        }
        StdinNoReload => "standard input cannot be read again".into(),
        StdinNotReopened => "read from standard input: it cannot be opened again from the shelf".into(),
        RestNotRead(why) => format!("{why} (only the beginning is shown)"),
        OnlyTheEndYet => "only the end is shown yet: the rest is still being read".into(),
        ShelfMissing => "missing".into(),
        ShelfNotKept => "the shelf is not kept (no reading places file in use)".into(),
        ShelfEntryMissing(path) => format!("{path} is missing (d removes the entry)"),
        RemovedFromShelf(title) => format!("removed from the shelf: {title} (the file is kept; u undoes)"),
        NoBookmarksPlace => {
            "no place for the bookmarks file: set XDG_DATA_HOME or use --bookmarks-file".into()
        }
        NoPlacesPlace => "no place for reading places and the shelf: set XDG_STATE_HOME".into(),
        NoTextOnShelf(path) => format!("{path}: no text on the shelf yet (open one with `yuedu FILE`)"),
        NotATerminal => "not a terminal: the reader needs an interactive terminal; for scripts use \
                         `yuedu outline`, `yuedu dump --width N`, `yuedu figures`, `yuedu quotes`, \
                         `yuedu bookmarks` or `yuedu config` (see `yuedu --help`)"
            .into(),
        TerminalError(why) => format!("terminal error: {why}"),
        ConfigFromArgument(path) => format!("{path} (from --config)"),
        ConfigFromEnvironment(path) => format!("{path} (from $YUEDU_CONFIG)"),
        ConfigDefaults(Some(path)) => format!("defaults (no file at {path})"),
        ConfigDefaults(None) => "defaults".into(),
        CannotTakeTerminal(why) => format!("cannot take the terminal for full screen: {why}"),
        CannotWriteOutput(why) => format!("cannot write the output: {why}"),
        BadArgument { problem, what, suggestion } => {
            let what = what.map(|w| format!(" '{w}'")).unwrap_or_default();
            let problem = match problem {
                ArgProblem::Unknown => format!("unknown argument{what}"),
                ArgProblem::InvalidValue => format!("invalid value{what}"),
                ArgProblem::MissingValue => format!("a value is needed for{what}"),
                ArgProblem::MissingArgument => format!("missing argument{what}"),
                ArgProblem::Conflict => format!("cannot be used together:{what}"),
                ArgProblem::UnknownCommand => format!("unknown command{what}"),
                ArgProblem::Other => format!("cannot read the arguments{what}"),
            };
            let hint = suggestion.map(|s| format!("did you mean '{s}'? ")).unwrap_or_default();
            format!("{problem} ({hint}see yuedu --help)")
        }
        NoSuchFile => "no such file".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a directory, not a text file".into(),
        NotRegularFile(kind) => format!(
            "is {}, not a regular file (yuedu reads regular text files only; save it to a file first)",
            match kind {
                Special::Fifo => "a named pipe (FIFO)",
                Special::CharDevice => "a character device",
                Special::BlockDevice => "a block device",
                Special::Socket => "a socket",
                Special::Other => "a special file",
            }
        ),
        TooLarge { mb, max } => format!("is too large ({mb} MB; yuedu opens files up to {max} MB)"),
        NoTextInPage => "has no text to read (only markup, scripts or styles)".into(),
        PageTooLarge { mb, max } => {
            format!("is a web page too large to read ({mb} MB; yuedu opens web pages up to {max} MB)")
        }
        UnknownEncoding(name) => format!(
            "unknown encoding {name:?} given with --encoding (try utf-8, gb18030, gbk, big5, utf-16le or utf-16be)"
        ),
        CannotTellEncoding => "cannot tell its encoding (try --encoding NAME)".into(),
        NulBytes(line) => format!(
            "contains NUL bytes (first at line {line}): binary data, not text (UTF-16 needs a BOM or \
             --encoding utf-16le/utf-16be)"
        ),
        EmptyText => "is empty: no text to read".into(),
        BlankText => "contains only blank lines: no text to read".into(),
        InvalidBytes { encoding, count: 1, line } => {
            format!("not valid {encoding}: an invalid byte sequence shown as � (first at line {line})")
        }
        InvalidBytes { encoding, count, line } => {
            format!("not valid {encoding}: {count} invalid byte sequences shown as � (first at line {line})")
        }
        Book(problem) => book(problem),
        CfgOutsideTable { name, tables } => {
            format!("unknown option \"{name}\" outside any table (options go under {tables})")
        }
        CfgUnknownTable { name, expected, hint } => {
            format!("unknown table [{name}] (expected {expected}{hint})")
        }
        CfgUnknownKey { name, section, expected, hint } => {
            format!("unknown key \"{name}\" in [{section}] (expected {expected}{hint})")
        }
        CfgWrongType { path, expected, found } => {
            format!("wrong type for {path} (expected {expected}, found {found})")
        }
        CfgInvalid { value, path, expected, hint } => {
            format!("invalid value {value} for {path} (expected {expected}{hint})")
        }
        CfgInvalidBecause { value, path, why } => format!("invalid value {value} for {path} ({why})"),
        CfgUnknownFigureKind { value, path, expected, hint } => {
            format!("unknown figure kind {value} in {path} (expected {expected}{hint})")
        }
        CfgUnknownRole { role, hint } => format!(
            "unknown theme role \"{role}\" (expected a role of the default theme, see `yuedu config --default`{hint})"
        ),
        CfgUnknownStylePart { part, path, hint } => {
            format!("unknown key \"{part}\" in {path} (expected fg, bg or modifiers{hint})")
        }
        CfgUnknownColour { value, path, expected, hint } => {
            format!("unknown colour {value} for {path} (expected {expected}{hint})")
        }
        CfgUnknownModifier { value, path, expected, hint } => {
            format!("unknown modifier {value} for {path} (expected {expected}{hint})")
        }
        CfgUnknownAction { name, hint } => format!(
            "unknown action \"{name}\" in [keys] (expected an action such as line_down, see `yuedu config \
             --default`{hint})"
        ),
        CfgUnknownKeyName { value, path, hint } => format!(
            "unknown key name {value} for {path} (expected one character, F1-F12 or a name such as Enter, Esc, \
             Tab, Space, PageDown, optionally after Ctrl-, Alt- or Shift-{hint})"
        ),
        CfgKeyTaken { written, action, other, alias } => format!(
            "key {written} for keys.{action} is already bound to keys.{other}{alias} (one key can serve two \
             actions only where they apply in different places)"
        ),
        CfgKeyAlias { written, key } => format!(" as {written}, which a terminal sends as {key}"),
        CfgQuitWithoutKey => {
            "keys.quit is left without a key, so yuedu could not be closed (give quit a key)".into()
        }
        CfgCannotRead(why) => format!("cannot read the config file: {why}"),
        CfgNotUtf8 => "the file is not UTF-8 text".into(),
        DidYouMean(name) => format!("; did you mean \"{name}\"?"),
        OrList(items) => match items.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        },
        TypeName(t) => match t {
            ValueType::String => "a string",
            ValueType::Integer => "an integer",
            ValueType::Float => "a decimal number",
            ValueType::Bool => "true or false",
            ValueType::Date => "a date",
            ValueType::List => "a list",
            ValueType::Table => "a table",
        }
        .into(),
        ExpectIntRange { min, max } => format!("an integer {min}-{max}"),
        ExpectListOf(items) => format!("a list of {items}"),
        ExpectModifierName(items) => format!("a modifier name: {items}"),
        ExpectColour => "a colour name, #rrggbb or 0-255".into(),
        ExpectIndent => "at most 8 columns of spaces, such as \"　　\" or \"    \"".into(),
        ExpectFilePath => "a file path".into(),
        ExpectFilePathOrDefault => "a string (a file path, or \"\" for the default)".into(),
        ExpectOutlineWidth => "\"auto\", a number of columns 8-200 or a percentage \"10%\"-\"90%\"".into(),
        ExpectStyle => "a style such as { fg = \"red\", modifiers = [\"bold\"] }".into(),
        ExpectKeyList => "a list of keys such as [\"j\", \"Down\"]".into(),
        CannotDo { step, why } => format!(
            "cannot {}: {why}",
            match step {
                Step::CreateDirectory => "create the directory for",
                Step::CreateTemporary => "write a temporary file for",
                Step::Encode => "encode",
                Step::Open => "open",
                Step::Read => "read",
                Step::Write => "write",
                Step::Sync => "sync",
                Step::Replace => "replace",
                Step::CreateLock => "create the lock file for",
                Step::Lock => "lock",
            }
        ),
        StoreIsDirectory => "is a directory".into(),
        StoreNotRegular => "is not a regular file (a pipe or a device?)".into(),
        StoreTooLarge(mb) => format!("is larger than {mb} MB"),
        BookmarksNotSavedUntilFixed => " (bookmarks are not saved until the file is fixed or moved)".into(),
        PlacesNotSavedUntilFixed => " (reading places are not saved until the file is fixed or moved)".into(),
        NotABookmarksFile => "not a bookmarks file (it has no [[bookmark]] table but other settings)".into(),
        Comfort(c) => comfort(c),
        ExpectKeyName => "a key name such as \"j\", \"Ctrl-d\" or \"PageDown\"".into(),
    }
}

/// A figure kind's label (the same words as its config key, which need not stay so).
fn figure_kind(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Percent => "percent",
        FigureKind::Money => "money",
        FigureKind::Count => "count",
        FigureKind::Date => "date",
        FigureKind::Age => "age",
        FigureKind::Measure => "measure",
        FigureKind::Other => "other",
    }
}

/// One line of the help for `action`.
pub(super) fn action(action: Action) -> &'static str {
    use Action::*;
    match action {
        LineDown => "Scroll down one line",
        LineUp => "Scroll up one line",
        PageDown => "Scroll down one page",
        PageUp => "Scroll up one page",
        HalfPageDown => "Scroll down half a page",
        HalfPageUp => "Scroll up half a page",
        Top => "Go to the beginning",
        Bottom => "Go to the end",
        NextSection => "Jump to the next section",
        PrevSection => "Jump to the previous section",
        GoTo => "Go to entry N, N% or heading",
        Section1 => "Jump to section 1",
        Section2 => "Jump to section 2",
        Section3 => "Jump to section 3",
        Section4 => "Jump to section 4",
        Section5 => "Jump to section 5",
        Section6 => "Jump to section 6",
        Section7 => "Jump to section 7",
        Section8 => "Jump to section 8",
        Section9 => "Jump to section 9",
        FocusNext => "Move focus: outline / text",
        Select => "Open the selected entry",
        Collapse => "Collapse the outline entry",
        Expand => "Expand the outline entry",
        ToggleOutline => "Hide or show the outline",
        ToggleFigures => "Figure highlighting on / off",
        CycleScript => "Show as written / 简体 / 繁體",
        ToggleVertical => "Vertical / horizontal text",
        NextFigure => "Select the next figure",
        PrevFigure => "Select the previous figure",
        FiguresList => "List all figures",
        NextQuote => "Select the next quote",
        PrevQuote => "Select the previous quote",
        Bookmark => "Bookmark the selected quote",
        BookmarkWithNote => "Bookmark with a note",
        BookmarksList => "List this article's bookmarks",
        Shelf => "The bookshelf: texts read",
        Delete => "Delete the selected entry",
        Undo => "Undo the last delete",
        Search => "Search the text",
        NextMatch => "Next search match",
        PrevMatch => "Previous search match",
        JumpBack => "Go back in the jump history",
        JumpForward => "Forward in the jump history",
        Reload => "Reload the file from disk",
        Help => "Show or hide this help",
        Close => "Close the overlay or list",
        Clear => "Clear highlights, selection",
        Quit => "Quit",
        Wider => "Widen the text column",
        Narrower => "Narrow the text column",
        ResetWidth => "Text column to full width",
        Quiet => "Quiet mode: only the text",
        AutoScroll => "Auto-scroll on / off",
        ScrollSlower => "Auto-scroll slower",
        ScrollFaster => "Auto-scroll faster",
        Boss => "Boss key: hide the book",
        Settings => "Settings panel",
        SettingLess => "Settings: the value before",
        SettingMore => "Settings: the value after",
        SaveSettings => "Settings: save to config.toml",
        SelectStart => "Select a passage; again: off",
        SelectLeft => "Selection: one character back",
        SelectRight => "Selection: one character on",
        SelectDown => "Selection: one row down",
        SelectUp => "Selection: one row up",
        SelectNextSentence => "Selection: next sentence end",
        SelectPrevSentence => "Selection: prev sentence end",
        Copy => "Copy the selection or quote",
        CopyWithSource => "Copy with speaker and title",
    }
}

/// What is wrong with a book, after its file's name.
fn book(problem: &BookProblem) -> String {
    match problem {
        BookProblem::NotZip(why) => format!("is not a readable EPUB: a broken zip ({why})"),
        BookProblem::BadEntry { name, why } => format!("EPUB entry {name} cannot be read ({why})"),
        BookProblem::Missing(name) => format!("is not a complete EPUB: {name} is missing"),
        BookProblem::NoPackage => {
            "is not a complete EPUB: META-INF/container.xml names no package document".into()
        }
        BookProblem::BadXml { name, line, col, why } => {
            format!("{name}:{line}:{col}: not well-formed XML ({why})")
        }
        BookProblem::Drm => "is DRM-protected: its chapters are encrypted, and yuedu cannot read them".into(),
        BookProblem::Bomb(name) => format!(
            "EPUB entry {name} inflates to more than 50 times its compressed size: refused as a zip bomb"
        ),
        BookProblem::TooMuch => {
            "its entries inflate to more than 500 MB in all: refused as a zip bomb".into()
        }
        BookProblem::NoChapters => "has no chapters: no item of its spine is in the book".into(),
        BookProblem::TooManyEntries => "has far more entries than a book has: refused as a zip bomb".into(),
        BookProblem::NoText => "has no text to read in its chapters".into(),
        BookProblem::SkippedMissing(name) => {
            format!("chapter {name} is missing from the book; opened without it")
        }
    }
}

/// Reading comfort's messages in English.
fn comfort(c: Comfort<'_>) -> String {
    match c {
        Comfort::Width(n) => format!("text column: {n} columns"),
        Comfort::Widest(n) => format!("the text column is at its widest here ({n} columns)"),
        Comfort::Narrowest(n) => format!("the text column is at its narrowest ({n} columns)"),
        Comfort::ScrollOn { level, rows, keys } => {
            format!("auto-scroll: speed {level}/10, {rows} rows a minute ({keys})")
        }
        Comfort::ScrollSpeed { level, rows } => format!("auto-scroll speed {level}/10: {rows} rows a minute"),
        Comfort::ScrollOff => "auto-scroll off".into(),
        Comfort::ScrollEnd => "auto-scroll stopped at the end of the text".into(),
        Comfort::BossFailed(why) => format!("boss.command failed: {why}"),
        Comfort::BossScreen => "\
~/work/ledger $ cargo build --release
   Compiling libc v0.2.172
   Compiling proc-macro2 v1.0.95
   Compiling unicode-ident v1.0.18
   Compiling serde v1.0.219
   Compiling quote v1.0.40
   Compiling syn v2.0.101
   Compiling tokio v1.45.1
   Compiling ledger-core v0.4.2 (/home/dev/work/ledger/core)
   Compiling ledger v0.4.2 (/home/dev/work/ledger)
    Finished `release` profile [optimized] target(s) in 1m 12s
~/work/ledger $ "
            .into(),
        Comfort::HelpWidth => "Column wider, narrower, full".into(),
        Comfort::HelpScroll => "Auto-scroll, slower, faster".into(),
        Comfort::SettingsTitle { change, save, close } => {
            format!(" settings · {change} change · {save} save · {close} close ")
        }
        Comfort::Name(s) => match s {
            Setting::TextWidth => "text width",
            Setting::ParagraphSpacing => "paragraph spacing",
            Setting::Indent => "first-line indent",
            Setting::Punctuation => "full-width punctuation",
            Setting::Figures => "figure highlighting",
            Setting::Theme => "theme",
            Setting::Language => "language",
            Setting::ScrollSpeed => "auto-scroll speed",
        }
        .into(),
        Comfort::Value(v) => match v {
            Value::Columns(n) => format!("{n} columns"),
            Value::BlankLines(0) => "none".into(),
            Value::BlankLines(1) => "1 blank line".into(),
            Value::BlankLines(n) => format!("{n} blank lines"),
            Value::NoIndent => "none".into(),
            Value::IndentColumns(n) => format!("{n} columns"),
            Value::On(true) => "on".into(),
            Value::On(false) => "off".into(),
            Value::Theme("dark") => "dark".into(),
            Value::Theme("light") => "light".into(),
            Value::Theme(_) => "auto (the terminal's background)".into(),
            Value::Language("en") => "English".into(),
            Value::Language("zh") => "中文 (Chinese)".into(),
            Value::Language(_) => "auto (the locale)".into(),
            Value::Speed { level, rows } => format!("{level}/10 ({rows} rows a minute)"),
        },
        Comfort::SavesTo(path) => format!("saves to {path}"),
        Comfort::NowhereToSave => "no config file to save to (set XDG_CONFIG_HOME or use --config)".into(),
        Comfort::Saved(path) => format!("settings saved to {path}"),
        Comfort::NotSaved(why) => format!("settings not saved: {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_says_what_each_action_documents() {
        // The catalog and the actions' doc comments (which `description` reads) agree.
        for &a in Action::ALL {
            assert_eq!(action(a), a.description(), "{}", a.name());
        }
    }

    #[test]
    fn a_figure_kind_label_is_its_config_key_in_english() {
        for kind in FigureKind::ALL {
            assert_eq!(figure_kind(kind), kind.name());
        }
    }
}
