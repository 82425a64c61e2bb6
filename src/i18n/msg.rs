//! The messages the reader can show (what to tell) and their kinds; a leaf that every
//! catalog imports (the languages a catalog can say them in are in `lang`).

use crate::text::kind::FigureKind;

use super::comfort::Comfort;
pub use super::lang::Lang;

/// Something the reader tells the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg<'a> {
    // ---- figures
    /// `}` / `F` in a text without figures.
    NoFigures,
    /// `}` past the last figure.
    NoMoreFiguresBelow,
    /// `{` before the first figure.
    NoFiguresAbove,
    /// `f` turned highlighting on.
    FiguresHighlighted,
    /// The script the text is now shown in (`t`).
    ScriptShown(crate::text::script::Script),
    /// `f` turned highlighting off.
    FigureHighlightingOff,
    /// The status line for a selected figure: `figure 4/31 · 24.8% · percent`.
    FigureStatus { n: usize, total: usize, text: &'a str, kind: FigureKind },
    /// A figure kind as shown in lists and the status line.
    FigureKind(FigureKind),
    /// The figures list's title.
    FiguresListTitle { n: usize, total: usize, select: &'a str, close: &'a str },
    // ---- quotes and bookmarks
    /// `)` / `(` in a text without quotations.
    NoQuotations,
    /// `)` past the last quotation.
    NoMoreQuotationsBelow,
    /// `(` before the first quotation.
    NoMoreQuotationsAbove,
    /// The status line for a selected quote: `quote 3/11 · who`.
    QuoteStatus { n: usize, total: usize, who: &'a str },
    /// A speaker with a title: `丁成 · 首席架构师`.
    SpeakerWithTitle { speaker: &'a str, title: &'a str },
    /// Speech whose speaker the text does not name.
    SpeakerNotNamed,
    /// A quoted term rather than speech.
    Term,
    /// The passage is bookmarked already.
    AlreadyBookmarked,
    /// A bookmark was saved.
    Bookmarked(&'a str),
    /// A bookmark could not be saved.
    NotSaved(&'a str),
    /// The note prompt was cancelled.
    BookmarkCancelled,
    /// A bookmark whose text is gone was chosen.
    DetachedChosen,
    /// A bookmark was deleted from the list.
    Deleted(&'a str),
    /// A deleted bookmark came back.
    Restored(&'a str),
    /// `u` with nothing deleted.
    NothingToUndo,
    /// The bookmarks list's title, with the keys in force.
    BookmarksListTitle { n: usize, select: &'a str, delete: &'a str, undo: &'a str, close: &'a str },
    /// The empty bookmarks list, with the key that bookmarks (if bound).
    NoBookmarksYet(Option<&'a str>),
    /// The bookmarks list when the bookmarks file cannot be used: the reason.
    BookmarksFileBroken(&'a str),
    /// A bookmark whose text is gone, in the list.
    Detached,
    /// A bookmark's note, in the list.
    Note(&'a str),
    // ---- selecting, copying and highlighting passages
    /// The status line while a passage is selected: how many characters, and the keys
    /// that copy it, keep it as a highlight and cancel it (those bound).
    SelectionStatus { n: usize, copy: Option<&'a str>, keep: Option<&'a str>, cancel: Option<&'a str> },
    /// A selection motion at the end of the text.
    AtTextEnd,
    /// A selection motion at the start of the text.
    AtTextStart,
    /// `y` / `Y` sent the text to the clipboard: how many characters.
    Copied(usize),
    /// A copy over the limit, refused: its size and the limit, in KB.
    CopyTooLong { kb: usize, limit: usize },
    /// A highlight was saved.
    Highlighted(&'a str),
    /// A highlight, in the bookmarks list.
    HighlightLabel,
    /// What `Y` copies: the words in quotation marks, then who said them and where.
    Citation { words: &'a str, speaker: Option<&'a str>, title: Option<&'a str> },
    // ---- moving around
    /// Jump forward at the newest jump.
    AtNewestJump,
    /// Jump back at the oldest jump.
    AtOldestJump,
    /// Next section in the last one.
    AlreadyInLastSection,
    /// Previous section in the first one.
    AlreadyInFirstSection,
    /// Go-to an entry number that does not exist.
    NoEntry(usize),
    /// Go-to a heading text no heading holds.
    NoHeadingHolds(&'a str),
    /// An outline key while the outline is hidden.
    OutlineHidden,
    /// A section jump past the last section.
    NoSection(usize),
    /// Where reading resumed.
    Resumed { section: &'a str },
    /// The reading time left, in minutes.
    MinutesLeft(u64),
    // ---- search
    /// A search with no match.
    NotFound(&'a str),
    /// The search went past the end and on from the top.
    SearchWrapped,
    /// The search went past the start and on from the bottom.
    SearchWrappedBottom,
    /// `n` before any search, with the key that searches.
    NoSearchYet(&'a str),
    // ---- the file
    /// The file changed since it was read.
    ChangedOnDisk(&'a str),
    /// The file is gone since it was read.
    GoneFromDisk(&'a str),
    /// `R` on the bundled article.
    BundledNoReload,
    /// Where the shelf says the bundled article is (it has no file).
    BundledOnShelf,
    /// A shelf entry removed with `d` is back (`u`).
    BackOnShelf(&'a str),
    /// `R` failed.
    CannotReload(&'a str),
    /// `R` succeeded, with what the new text says (if anything).
    Reloaded(Option<&'a str>),
    // ---- help and status
    /// The help's one row for the section jumps on 1 … 9.
    SectionsHelp,
    /// The help's one row for the next and the previous of a kind.
    PairHelp(Pair),
    /// The key that opens the help, on the status line.
    HelpHint(&'a str),
    /// The help's title when it scrolls.
    HelpTitleScrolling { first: usize, last: usize, total: usize, keys: &'a str },
    /// The help's title when it fits.
    HelpTitle,
    /// The note prompt's label.
    NotePrompt,
    /// A screen too small to draw on.
    TerminalTooSmall,
    /// The outline pane's title.
    OutlineTitle,
    // ---- the shelf
    /// The shelf's title, with the number of texts and the keys in force.
    ShelfTitle { n: usize, select: &'a str, delete: &'a str, undo: &'a str, close: &'a str },
    /// The empty shelf.
    ShelfEmpty,
    /// A shelf entry whose file is gone, in the list.
    ShelfMissing,
    /// The shelf when no reading places file is in use.
    ShelfNotKept,
    /// A shelf entry whose file is gone was chosen: its path.
    ShelfEntryMissing(&'a str),
    /// An entry was removed from the shelf: its title.
    RemovedFromShelf(&'a str),
    // ---- the command line
    /// No place for the bookmarks file.
    NoBookmarksPlace,
    /// No place for the reading places (and so the shelf).
    NoPlacesPlace,
    /// `--last` with nothing on the shelf: the positions file.
    NoTextOnShelf(&'a str),
    // ---- opening a text in the background, reading standard input
    /// The status line while the rest of the text is read and indexed: `indexing 42%`.
    Indexing(u8),
    /// The same for standard input, whose size is not known: `reading 12 MB`.
    ReadingInput { mb: u64 },
    /// The name a text read from standard input goes by (status line, title, shelf).
    StdinName,
    /// Standard input was longer than `--max-size`: the text stops at the last line before.
    StdinCapped { max_mb: u64 },
    /// `R` on a text read from standard input.
    StdinNoReload,
    /// A shelf entry read from standard input: it cannot be opened again.
    StdinNotReopened,
    /// The rest of the text could not be read after its beginning was shown: the reason.
    RestNotRead(&'a str),
    /// Scrolling up past the first row of the text's end, shown while the rest is read.
    OnlyTheEndYet,
    /// The reader started without a terminal.
    NotATerminal,
    /// The terminal could not be taken or failed: the reason.
    TerminalError(&'a str),
    /// Raw mode or the alternate screen was refused: the reason.
    CannotTakeTerminal(&'a str),
    /// `yuedu config`: the file named with `--config`.
    ConfigFromArgument(&'a str),
    /// `yuedu config`: the file named by `$YUEDU_CONFIG`.
    ConfigFromEnvironment(&'a str),
    /// `yuedu config`: no user file (and where one would go).
    ConfigDefaults(Option<&'a str>),
    /// A script command's output could not be written: the reason.
    CannotWriteOutput(&'a str),
    /// The command line could not be read: what is wrong, the argument or value it is
    /// about, and an argument that was probably meant.
    BadArgument { problem: ArgProblem, what: Option<&'a str>, suggestion: Option<&'a str> },
    // ---- opening a text (after the file's name)
    /// The file does not exist.
    NoSuchFile,
    /// The file may not be read.
    PermissionDenied,
    /// A directory was named.
    IsADirectory,
    /// A pipe, device or socket was named.
    NotRegularFile(Special),
    /// The file is over the size limit: its size and the limit, in MB.
    TooLarge { mb: u64, max: u64 },
    /// A web page is over the size a page is parsed to: its size and the limit, in MB.
    PageTooLarge { mb: u64, max: u64 },
    /// A web page holds no text to read (markup, scripts and styles only).
    NoTextInPage,
    /// `--encoding` named no known encoding.
    UnknownEncoding(&'a str),
    /// The encoding could not be guessed.
    CannotTellEncoding,
    /// NUL bytes, first on this line: binary data.
    NulBytes(usize),
    /// Nothing in the file.
    EmptyText,
    /// Only blank lines in the file.
    BlankText,
    /// Bytes not valid in the encoding, shown as U+FFFD: how many, and the first's line.
    InvalidBytes { encoding: &'a str, count: usize, line: usize },
    /// What is wrong with a book (EPUB), or what was left out of it.
    Book(&'a super::book::BookProblem),
    // ---- config.toml (after `file:line:col: `); `expected` and `tables` are catalog text
    // too (the `Expect…` messages, `OrList`), `hint` a `DidYouMean` or empty.
    /// A plain option outside any table.
    CfgOutsideTable { name: &'a str, tables: &'a str },
    /// A table the defaults do not have.
    CfgUnknownTable { name: &'a str, expected: &'a str, hint: &'a str },
    /// A key its table does not have.
    CfgUnknownKey { name: &'a str, section: &'a str, expected: &'a str, hint: &'a str },
    /// A value of the wrong type: what was found (a value or a type's name).
    CfgWrongType { path: &'a str, expected: &'a str, found: &'a str },
    /// A value of the right type out of range or not one of the choices.
    CfgInvalid { value: &'a str, path: &'a str, expected: &'a str, hint: &'a str },
    /// A value its type refused, with the type's reason.
    CfgInvalidBecause { value: &'a str, path: &'a str, why: &'a str },
    /// An unknown figure kind.
    CfgUnknownFigureKind { value: &'a str, path: &'a str, expected: &'a str, hint: &'a str },
    /// An unknown theme role.
    CfgUnknownRole { role: &'a str, hint: &'a str },
    /// An unknown part of a style (not fg, bg or modifiers).
    CfgUnknownStylePart { part: &'a str, path: &'a str, hint: &'a str },
    /// An unknown colour.
    CfgUnknownColour { value: &'a str, path: &'a str, expected: &'a str, hint: &'a str },
    /// An unknown modifier.
    CfgUnknownModifier { value: &'a str, path: &'a str, expected: &'a str, hint: &'a str },
    /// An unknown action in `[keys]`.
    CfgUnknownAction { name: &'a str, hint: &'a str },
    /// An unknown key name.
    CfgUnknownKeyName { value: &'a str, path: &'a str, hint: &'a str },
    /// A key given to two actions of the file where both apply; `alias` a `CfgKeyAlias` or
    /// empty.
    CfgKeyTaken { written: &'a str, action: &'a str, other: &'a str, alias: &'a str },
    /// The other action's key was written differently (`Ctrl-i` for Tab).
    CfgKeyAlias { written: &'a str, key: &'a str },
    /// No key left to quit with.
    CfgQuitWithoutKey,
    /// The config file could not be read: the reason.
    CfgCannotRead(&'a str),
    /// The config file is not UTF-8.
    CfgNotUtf8,
    /// A close name: `; did you mean "x"?`.
    DidYouMean(&'a str),
    /// Choices: `a, b or c`.
    OrList(&'a [&'a str]),
    /// A kind of value: `a string`, `an integer` ….
    TypeName(ValueType),
    /// An integer in a range.
    ExpectIntRange { min: i64, max: i64 },
    /// A list of the choices given (an `OrList`).
    ExpectListOf(&'a str),
    /// One modifier of those given (an `OrList`).
    ExpectModifierName(&'a str),
    /// A colour.
    ExpectColour,
    /// A first-line indent.
    ExpectIndent,
    /// A file path.
    ExpectFilePath,
    /// A file path, or empty for the default.
    ExpectFilePathOrDefault,
    /// An outline width.
    ExpectOutlineWidth,
    /// A style table.
    ExpectStyle,
    /// A list of keys.
    ExpectKeyList,
    /// One key name.
    ExpectKeyName,
    // ---- the bookmarks and reading places files (after the file's name)
    /// A step on a file failed: the step and the system's reason.
    CannotDo { step: Step, why: &'a str },
    /// A store file is a directory.
    StoreIsDirectory,
    /// A store file is a pipe or a device.
    StoreNotRegular,
    /// A store file is over its limit, in MB.
    StoreTooLarge(u64),
    /// The bookmarks file cannot be parsed: what follows, after the parser's line.
    BookmarksNotSavedUntilFixed,
    /// The reading places file cannot be parsed: what follows, after the parser's line.
    PlacesNotSavedUntilFixed,
    /// A file with other settings but no bookmark table.
    NotABookmarksFile,
    /// Reading comfort: the text column, quiet mode, auto-scroll, the boss key, settings.
    Comfort(Comfort<'a>),
}

/// The next and the previous of a kind, which the help lists on one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pair {
    /// `]` `[`: sections.
    Sections,
    /// `}` `{`: figures.
    Figures,
    /// `)` `(`: quotes.
    Quotes,
    /// `n` `N`: search matches.
    Matches,
}

/// A step on a store's file, for `CannotDo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Creating the directory the file goes in.
    CreateDirectory,
    /// Creating the temporary file the new contents go to.
    CreateTemporary,
    /// Turning the contents into TOML.
    Encode,
    /// Opening.
    Open,
    /// Reading.
    Read,
    /// Writing.
    Write,
    /// Syncing to disk.
    Sync,
    /// Putting the new file in the old one's place.
    Replace,
    /// Creating the lock file.
    CreateLock,
    /// Taking the lock.
    Lock,
}

/// A kind of TOML value, for config diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// A decimal number.
    Float,
    /// A boolean.
    Bool,
    /// A date or time.
    Date,
    /// An array.
    List,
    /// A table.
    Table,
}

/// A file that is not a regular file.
/// What is wrong with the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgProblem {
    /// An option or argument the command does not take.
    Unknown,
    /// A value the option does not accept.
    InvalidValue,
    /// An option that needs a value was given none.
    MissingValue,
    /// A required argument is missing.
    MissingArgument,
    /// Two options that cannot go together.
    Conflict,
    /// An unknown command.
    UnknownCommand,
    /// Anything else.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A named pipe.
    Fifo,
    /// A character device.
    CharDevice,
    /// A block device.
    BlockDevice,
    /// A socket.
    Socket,
    /// Anything else.
    Other,
}

/// How a status-line message is meant: each kind has a style of its own (`[theme]`'s
/// `status_info`, `status_warning`, `status_error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// Done as asked: a change of setting, a saved bookmark, where reading resumed.
    #[default]
    Info,
    /// Nothing done, or something to know: no more figures, not found, changed on disk.
    Warning,
    /// Something failed: a file could not be read or written.
    Error,
}

impl Msg<'_> {
    /// How this message is meant on the status line (labels and titles, never shown as a
    /// message of their own, count as information).
    pub fn kind(&self) -> Kind {
        use Msg::*;
        match self {
            NoFigures
            | NoMoreFiguresBelow
            | NoFiguresAbove
            | NoQuotations
            | NoMoreQuotationsBelow
            | NoMoreQuotationsAbove
            | AlreadyBookmarked
            | DetachedChosen
            | NothingToUndo
            | AtNewestJump
            | AtOldestJump
            | AlreadyInLastSection
            | AlreadyInFirstSection
            | NoEntry(_)
            | NoHeadingHolds(_)
            | OutlineHidden
            | NoSection(_)
            | NotFound(_)
            | NoSearchYet(_)
            | AtTextEnd
            | AtTextStart
            | CopyTooLong { .. }
            | ChangedOnDisk(_)
            | GoneFromDisk(_)
            | BundledNoReload
            | Reloaded(Some(_))
            | ShelfNotKept
            | ShelfEntryMissing(_) => Kind::Warning,
            NotSaved(_)
            | BookmarksFileBroken(_)
            | CannotReload(_)
            | NoBookmarksPlace
            | NoPlacesPlace
            | NoTextOnShelf(_)
            | NotATerminal
            | RestNotRead(_)
            | TerminalError(_)
            | CannotTakeTerminal(_)
            | CannotWriteOutput(_)
            | BadArgument { .. }
            | TerminalTooSmall
            | NoSuchFile
            | PermissionDenied
            | IsADirectory
            | NotRegularFile(_)
            | TooLarge { .. }
            | PageTooLarge { .. }
            | NoTextInPage
            | UnknownEncoding(_)
            | CannotTellEncoding
            | NulBytes(_)
            | EmptyText
            | BlankText
            | CfgOutsideTable { .. }
            | CfgUnknownTable { .. }
            | CfgUnknownKey { .. }
            | CfgWrongType { .. }
            | CfgInvalid { .. }
            | CfgInvalidBecause { .. }
            | CfgUnknownFigureKind { .. }
            | CfgUnknownRole { .. }
            | CfgUnknownStylePart { .. }
            | CfgUnknownColour { .. }
            | CfgUnknownModifier { .. }
            | CfgUnknownAction { .. }
            | CfgUnknownKeyName { .. }
            | CfgKeyTaken { .. }
            | CfgQuitWithoutKey
            | CfgCannotRead(_)
            | CfgNotUtf8
            | CannotDo { .. }
            | StoreIsDirectory
            | StoreNotRegular
            | StoreTooLarge(_)
            | BookmarksNotSavedUntilFixed
            | PlacesNotSavedUntilFixed
            | NotABookmarksFile => Kind::Error,
            CfgKeyAlias { .. }
            | DidYouMean(_)
            | OrList(_)
            | TypeName(_)
            | ExpectIntRange { .. }
            | ExpectListOf(_)
            | ExpectModifierName(_)
            | ExpectColour
            | ExpectIndent
            | ExpectFilePath
            | ExpectFilePathOrDefault
            | ExpectOutlineWidth
            | ExpectStyle
            | ExpectKeyList
            | ExpectKeyName => Kind::Info,
            Comfort(c) => match c {
                self::Comfort::Widest(_) | self::Comfort::Narrowest(_) | self::Comfort::NowhereToSave => {
                    Kind::Warning
                }
                self::Comfort::BossFailed(_) | self::Comfort::NotSaved(_) => Kind::Error,
                _ => Kind::Info,
            },
            InvalidBytes { .. } => Kind::Warning,
            Book(super::book::BookProblem::SkippedMissing(_)) => Kind::Warning,
            Book(_) => Kind::Error,
            FiguresHighlighted
            | ScriptShown(_)
            | FigureHighlightingOff
            | Bookmarked(_)
            | Highlighted(_)
            | Copied(_)
            | BookmarkCancelled
            | Deleted(_)
            | Restored(_)
            | BackOnShelf(_)
            | Resumed { .. }
            | Reloaded(None)
            | SearchWrapped
            | SearchWrappedBottom
            | RemovedFromShelf(_)
            | ConfigFromArgument(_)
            | ConfigFromEnvironment(_)
            | ConfigDefaults(_) => Kind::Info,
            FigureStatus { .. }
            | FigureKind(_)
            | FiguresListTitle { .. }
            | QuoteStatus { .. }
            | SpeakerWithTitle { .. }
            | SpeakerNotNamed
            | Term
            | BookmarksListTitle { .. }
            | NoBookmarksYet(_)
            | Detached
            | Note(_)
            | SelectionStatus { .. }
            | HighlightLabel
            | Citation { .. }
            | MinutesLeft(_)
            | SectionsHelp
            | PairHelp(_)
            | HelpHint(_)
            | HelpTitleScrolling { .. }
            | HelpTitle
            | NotePrompt
            | OutlineTitle
            | ShelfTitle { .. }
            | BundledOnShelf
            | ShelfEmpty
            | ShelfMissing
            | StdinName => Kind::Info,
            Indexing(_) | ReadingInput { .. } => Kind::Info,
            StdinCapped { .. } | StdinNoReload | StdinNotReopened | OnlyTheEndYet => Kind::Warning,
        }
    }
}
