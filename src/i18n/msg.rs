//! The messages the reader can show (what to tell), and the languages a catalog can say
//! them in; a leaf that every catalog imports.

use crate::input::Action;
use crate::text::kind::FigureKind;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
}

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
    /// What an action does, one line of the help.
    ActionHelp(Action),
    /// The help's one row for the section jumps on 1 … 9.
    SectionsHelp,
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
    /// `S` while reading places are not kept.
    ShelfNotKept,
    /// The shelf's title, with how many texts it lists.
    ShelfTitle(usize),
    /// The shelf with no text on it.
    ShelfEmpty,
    /// A shelf entry whose file is gone, in the list.
    ShelfMissing,
    /// Enter on a shelf entry whose file is gone (its path).
    ShelfEntryMissing(&'a str),
    /// `d` removed a shelf entry (its title).
    RemovedFromShelf(&'a str),
}
